package shell

import (
	"reflect"
	"strings"
	"testing"
)

func TestUnwrap(t *testing.T) {
	type W = Wrapped
	cmds := func(cs ...string) W {
		w := W{Wrapper: true}
		for _, c := range cs {
			w.Commands = append(w.Commands, strings.Fields(c))
		}
		return w
	}
	scripts := func(ss ...string) W { return W{Wrapper: true, Scripts: ss} }
	unknown := W{Wrapper: true, Unknown: true}
	none := W{Wrapper: true}
	tests := []struct {
		argv string
		want W
	}{
		{"rm -rf x", W{}},
		{"ls", W{}},

		{"env FOO=1 -i rm x", cmds("-i rm x")}, // options end at the first operand
		{"env -i FOO=1 rm x", cmds("rm x")},
		{"env -u HOME -C /tmp rm x", cmds("rm x")},
		{"env - A=1 rm", cmds("rm")},
		{"env", none},
		{"env -S rm_-f x", cmds("rm_-f x")},
		{"env --bogus rm", unknown},

		{"timeout -s KILL 5 rm x", cmds("rm x")},
		{"timeout --signal=KILL -k 1 5s rm x", cmds("rm x")},
		{"timeout 5", none},
		{"nice -n 5 rm", cmds("rm")},
		{"nice -5 rm", cmds("rm")},
		{"nice", none},
		{"nohup rm x", cmds("rm x")},
		{"nohup -- rm x", cmds("rm x")},
		{"/usr/bin/sudo -u x rm", cmds("rm")},
		{"sudo -u x -g y -E HOME=/ rm", cmds("rm")},
		{"sudo -l rm", none},
		{"sudo -s", unknown},
		{"sudo -e /etc/hosts", unknown},
		{"sudo -iu root ls", cmds("ls")},
		{"doas -u root rm", cmds("rm")},
		{"doas -s", unknown},
		{"su -c 'rm x' root", scripts("'rm x'")},
		{"su root", unknown},
		{"su - root -c ls", scripts("ls")},
		{"su -s /usr/bin/python3 -c x", unknown},
		{"runuser -u bob -- rm x", cmds("rm x")},
		{"runuser -l bob -c ls", scripts("ls")},

		{"xargs -0 -n1 rm -f", cmds("rm -f")},
		{"xargs", cmds("echo")},
		{"xargs -I {} mv {} /tmp", cmds("mv {} /tmp")},
		{"xargs -I{} sh -c rm_{}", W{Wrapper: true, Unknown: true, Commands: [][]string{{"sh", "-c", "rm_{}"}}}},
		{"xargs -I{} sh -c rm_\"$1\" _ {}", cmds(`sh -c rm_"$1" _ {}`)},
		{"xargs sh -c rm_\"$@\" _", cmds(`sh -c rm_"$@" _`)},
		{"xargs sh -c", W{Wrapper: true, Unknown: true, Commands: [][]string{{"sh", "-c"}}}},
		{"xargs eval", W{Wrapper: true, Unknown: true, Commands: [][]string{{"eval"}}}},
		{"xargs sudo", W{Wrapper: true, Unknown: true, Commands: [][]string{{"sudo"}}}},
		{"xargs sudo rm", cmds("sudo rm")},
		{"xargs -I% %", W{Wrapper: true, Unknown: true, Commands: [][]string{{"%"}}}},
		{"xargs timeout", W{Wrapper: true, Unknown: true, Commands: [][]string{{"timeout"}}}},
		{"xargs -P4 -L 1 -d , -E END -s 100 -a list rm", cmds("rm")},

		{"find . -name *.log -exec rm {} ; -exec wc -l {} +", cmds("rm {}", "wc -l {}")},
		{"find . -name -exec", none},
		{"find . -exec rm {}", unknown},
		{"find . -execdir sh -c rm_{} ;", W{Wrapper: true, Unknown: true, Commands: [][]string{{"sh", "-c", "rm_{}"}}}},
		{"find . -exec {} ;", W{Wrapper: true, Unknown: true, Commands: [][]string{{"{}"}}}},
		{"find . -ok sudo {} +", W{Wrapper: true, Unknown: true, Commands: [][]string{{"sudo", "{}"}}}},
		{"find . -exec sudo rm {} +", cmds("sudo rm {}")},

		{"exec rm x", cmds("rm x")},
		{"exec -a name rm", cmds("rm")},
		{"exec", none},
		{"command -v x", none},
		{"command -V x", none},
		{"command rm x", cmds("rm x")},
		{"command -p rm", cmds("rm")},
		{"builtin cd /", cmds("cd /")},
		{"time rm", cmds("rm")},
		{"time -o out -f %e rm", cmds("rm")},

		{"sh -c ls", scripts("ls")},
		{"bash -lc ls x y", scripts("ls")},
		{"bash -o pipefail -e -c ls", scripts("ls")},
		{"dash +x -c ls", scripts("ls")},
		{"sh", unknown},
		{"sh script.sh", unknown},
		{"bash -s", unknown},
		{"bash -c", unknown},
		{"zsh --rcfile x -c ls", scripts("ls")},
		{"busybox rm x", cmds("rm x")},
		{"busybox", none},
		{"busybox --install", unknown},
		{"eval rm x", scripts("rm x")},
		{"eval -- rm", scripts("rm")},
		{"eval", none},
		{"source x", unknown},
		{". x", unknown},
		{"source", none},

		{"stdbuf -oL -e 0 grep x", cmds("grep x")},
		{"setsid -f rm", cmds("rm")},
		{"chroot /srv rm", cmds("rm")},
		{"chroot /srv", unknown},
		{"chroot --userspec=a:b /srv rm", cmds("rm")},
		{"unshare -n --mount=/x -r rm", cmds("rm")},
		{"unshare -n", unknown},
		{"nsenter -t 1 -m -u rm", cmds("rm")},
		{"strace -f -o out -e trace=open rm", cmds("rm")},
		{"strace -p 1", none},
		{"ltrace -o out rm", cmds("rm")},
		{"watch -n 1 ls -l", scripts("ls -l")},
		{"watch -x ls -l", cmds("ls -l")},
		{"parallel rm ::: a", unknown},
		{"flock /tmp/l rm x", cmds("rm x")},
		{"flock -w 5 /tmp/l -c ls", scripts("ls")},
		{"flock -c ls /tmp/l", scripts("ls")},
		{"flock 9", none},
		{"chrt -f 10 rm", cmds("rm")},
		{"chrt -p 10 1", none},
		{"taskset 0x3 rm", cmds("rm")},
		{"taskset -c 1,2 rm", cmds("rm")},
		{"taskset -p 0x3 1", none},
		{"ionice -c 3 rm", cmds("rm")},
		{"ionice -c 3 -p 1", none},
		{"script -q -c ls out", scripts("ls")},
		{"script out", unknown},
	}
	for _, tt := range tests {
		t.Run(tt.argv, func(t *testing.T) {
			argv := strings.Fields(tt.argv)
			if strings.HasPrefix(tt.argv, "su -c") { // a quoted word
				argv = []string{"su", "-c", "'rm x'", "root"}
				tt.want = scripts("'rm x'")
			}
			if got := Unwrap(argv); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestPure(t *testing.T) {
	for _, name := range []string{"echo", "[", "read", "export", ":"} {
		if !Pure(name) {
			t.Errorf("%s is pure", name)
		}
	}
	for _, name := range []string{"cd", "eval", "rm", "source", ".", "exec", "/bin/echo"} {
		if Pure(name) {
			t.Errorf("%s is not pure", name)
		}
	}
}
