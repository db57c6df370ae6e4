package main

import (
	"airlock/fs"
	"airlock/sql"
	"fmt"
)

func main() {
	users, err := fs.ReadCSV("data/users.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := sql.Query("SELECT user_id, count(*) AS n FROM orders GROUP BY user_id")
	if err != nil {
		fmt.Println(err)
		return
	}
	byID := map[string]int64{}
	for _, r := range res {
		byID[fmt.Sprint(r["user_id"])], _ = r["n"].(int64)
	}
	active := 0
	for _, u := range users {
		if byID[u["id"]] > 0 {
			active++
		}
	}
	fmt.Println(active, "of", len(users))
}
