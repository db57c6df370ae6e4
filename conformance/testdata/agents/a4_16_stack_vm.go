package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

type Op int

const (
	PUSH Op = iota
	POP
	ADD
	SUB
	MUL
	DIV
	MOD
	DUP
	SWAP
	OVER
	JMP
	JZ
	PRINT
	HALT
	CALL
	RET
)

var opNames = map[string]Op{"push": PUSH, "pop": POP, "add": ADD, "sub": SUB, "mul": MUL, "div": DIV,
	"mod": MOD, "dup": DUP, "swap": SWAP, "over": OVER, "jmp": JMP, "jz": JZ, "print": PRINT,
	"halt": HALT, "call": CALL, "ret": RET}

func (o Op) String() string {
	for k, v := range opNames {
		if v == o {
			return strings.ToUpper(k)
		}
	}
	return "Op(" + strconv.Itoa(int(o)) + ")"
}

type Instr struct {
	Op  Op
	Arg int
}

type VMError struct {
	PC    int
	Instr Instr
	Err   error
}

func (e *VMError) Error() string { return fmt.Sprintf("pc=%d %v: %v", e.PC, e.Instr.Op, e.Err) }
func (e *VMError) Unwrap() error { return e.Err }

var (
	ErrUnderflow = errors.New("stack underflow")
	ErrDivZero   = errors.New("division by zero")
	ErrSteps     = errors.New("step limit exceeded")
)

func assemble(src string) ([]Instr, error) {
	labels := map[string]int{}
	var lines [][]string
	for _, raw := range strings.Split(src, ";") {
		f := strings.Fields(raw)
		if len(f) == 0 {
			continue
		}
		if strings.HasSuffix(f[0], ":") {
			labels[strings.TrimSuffix(f[0], ":")] = len(lines)
			f = f[1:]
			if len(f) == 0 {
				continue
			}
		}
		lines = append(lines, f)
	}
	prog := make([]Instr, 0, len(lines))
	for i, f := range lines {
		op, ok := opNames[f[0]]
		if !ok {
			return nil, fmt.Errorf("instr %d: unknown op %q", i, f[0])
		}
		in := Instr{Op: op}
		if len(f) > 1 {
			if n, err := strconv.Atoi(f[1]); err == nil {
				in.Arg = n
			} else if t, ok := labels[f[1]]; ok {
				in.Arg = t
			} else {
				return nil, fmt.Errorf("instr %d: bad operand %q", i, f[1])
			}
		}
		prog = append(prog, in)
	}
	return prog, nil
}

func run(prog []Instr, out *strings.Builder) (steps int, err error) {
	var st, calls []int
	pop := func() int {
		if len(st) == 0 {
			panic(ErrUnderflow)
		}
		v := st[len(st)-1]
		st = st[:len(st)-1]
		return v
	}
	pc := 0
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				panic(r)
			}
			err = &VMError{pc, prog[pc], e}
		}
	}()
	for pc < len(prog) {
		steps++
		if steps > 500 {
			return steps, &VMError{pc, prog[pc], ErrSteps}
		}
		in := prog[pc]
		next := pc + 1
		switch in.Op {
		case PUSH:
			st = append(st, in.Arg)
		case POP:
			pop()
		case ADD, SUB, MUL, DIV, MOD:
			b, a := pop(), pop()
			switch in.Op {
			case ADD:
				st = append(st, a+b)
			case SUB:
				st = append(st, a-b)
			case MUL:
				st = append(st, a*b)
			case DIV, MOD:
				if b == 0 {
					panic(ErrDivZero)
				}
				if in.Op == DIV {
					st = append(st, a/b)
				} else {
					st = append(st, a%b)
				}
			}
		case DUP:
			v := pop()
			st = append(st, v, v)
		case SWAP:
			b, a := pop(), pop()
			st = append(st, b, a)
		case OVER:
			b, a := pop(), pop()
			st = append(st, a, b, a)
		case JMP:
			next = in.Arg
		case JZ:
			if pop() == 0 {
				next = in.Arg
			}
		case PRINT:
			fmt.Fprintf(out, "%d ", pop())
		case HALT:
			return steps, nil
		case CALL:
			calls = append(calls, next)
			next = in.Arg
		case RET:
			if len(calls) == 0 {
				return steps, &VMError{pc, in, errors.New("return with empty call stack")}
			}
			next = calls[len(calls)-1]
			calls = calls[:len(calls)-1]
		}
		pc = next
	}
	return steps, nil
}

func main() {
	programs := []struct{ name, src string }{
		{"arith", "push 6; push 7; mul; push 5; sub; print; push -17; push 5; mod; print; push -17; push 5; div; print"},
		{"countdown", "push 5; loop: dup; print; push 1; sub; dup; jz end; jmp loop; end: pop; halt"},
		{"factorial", "push 1; push 10; loop: dup; jz done; swap; over; mul; swap; push 1; sub; jmp loop; done: pop; print"},
		{"call", "push 3; call sq; print; push 12; call sq; print; halt; sq: dup; mul; ret"},
		{"badop", "push 1; jump 3"},
		{"forever", "top: push 1; pop; jmp top"},
		{"divzero", "push 10; push 2; push 2; sub; div; print"},
		{"underflow", "push 1; add; print"},
	}
	failures := 0
	var last error
	for _, p := range programs {
		prog, err := assemble(p.src)
		if err != nil {
			fmt.Printf("%-10s assemble error: %v\n", p.name, err)
			failures++
			continue
		}
		var out strings.Builder
		steps, err := run(prog, &out)
		status := "ok"
		if err != nil {
			status = "ERR " + err.Error()
			failures++
			last = err
		}
		fmt.Printf("%-10s %3d instrs %4d steps out=[%s] %s\n", p.name, len(prog), steps, strings.TrimSpace(out.String()), status)
	}
	var vmErr *VMError
	if errors.As(last, &vmErr) {
		fmt.Printf("last failure at pc %d op %v underflow=%t divzero=%t\n", vmErr.PC, vmErr.Instr.Op,
			errors.Is(last, ErrUnderflow), errors.Is(last, ErrDivZero))
	}
	fmt.Printf("%d/%d programs failed\n", failures, len(programs))
	if failures > 0 {
		os.Exit(3)
	}
}
