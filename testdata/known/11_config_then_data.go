package main

import (
	"airlock/fs"
	"encoding/json"
	"fmt"
)

type config struct {
	Source string `json:"source"`
}

func main() {
	raw, err := fs.ReadFile("data/config.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	var c config
	json.Unmarshal([]byte(raw), &c)
	rows, err := fs.ReadCSV("data/" + c.Source)
	fmt.Println(len(rows), err)
}
