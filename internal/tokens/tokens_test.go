package tokens

import (
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dlclark/regexp2/v2"
	"github.com/tiktoken-go/tokenizer/codec"
)

// The reference is tiktoken-go's o200k_base codec; importing codec also
// registers the generated matcher that regexp2 uses for splitPattern.
var (
	referenceOnce sync.Once
	reference     *codec.Codec
	referenceRE   *regexp2.Regexp
)

const splitPattern = `[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`

func setupReference() {
	referenceOnce.Do(func() {
		reference = codec.NewO200kBase()
		referenceRE = regexp2.MustCompile(splitPattern, regexp2.None)
	})
}

// referenceCount is tiktoken-go's count of s.
func referenceCount(t testing.TB, s string) int {
	t.Helper()
	setupReference()
	n, err := reference.Count(s)
	if err != nil {
		t.Fatalf("tiktoken-go: %v", err)
	}
	return n
}

// referencePieces splits s as tiktoken-go does.
func referencePieces(t testing.TB, s string) []string {
	t.Helper()
	setupReference()
	var pieces []string
	m, err := referenceRE.FindStringMatch(s)
	for ; m != nil && err == nil; m, err = referenceRE.FindNextMatch(m) {
		pieces = append(pieces, m.String())
	}
	if err != nil {
		t.Fatalf("regexp2: %v", err)
	}
	return pieces
}

// pieces splits s as Count does.
func pieces(s string) []string {
	s = replaceInvalid(s)
	var out []string
	for i := 0; i < len(s); {
		end, ok := pieceEnd(s, i)
		if ok {
			out = append(out, s[i:end])
		}
		i = end
	}
	return out
}

// checkSame fails t unless Count and the split of s agree with tiktoken-go.
func checkSame(t testing.TB, s string) {
	t.Helper()
	if got, want := pieces(s), referencePieces(t, s); !slices.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Fatalf("split of %s differs at piece %d:\n got %q\nwant %q",
			abbreviate(s), i, got[i:min(len(got), i+5)], want[i:min(len(want), i+5)])
	}
	if got, want := Count(s), referenceCount(t, s); got != want {
		t.Fatalf("Count(%s) = %d, tiktoken-go counts %d", abbreviate(s), got, want)
	}
}

func abbreviate(s string) string {
	if len(s) > 200 {
		return strconv.Quote(s[:200]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
	}
	return strconv.Quote(s)
}

// TestSplit pins the split pattern's subtler rules with small inputs.
func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"words take the space before them", "Hello world", []string{"Hello", " world"}},
		{"camel case splits before an upper rune", "parseHTTPRequest", []string{"parse", "HTTPRequest"}},
		{"an upper run keeps its lower tail", "HTTPServer", []string{"HTTPServer"}},
		{"contractions in any case", "DON'T we'Re I'LL", []string{"DON'T", " we'Re", " I'LL"}},
		{"long s folds to s", "it'ſ", []string{"it'ſ"}},
		{"no contraction without a letter", "'s", []string{"'s"}},
		{"punctuation prefix on a word", "!hello", []string{"!hello"}},
		{"a second punctuation rune ends the prefix", "!!hello", []string{"!!", "hello"}},
		{"digits in threes", "1234567", []string{"123", "456", "7"}},
		{"punctuation keeps newlines and slashes", "a);\n/b", []string{"a", ");\n/", "b"}},
		{"the last space goes to the next word", "a   b", []string{"a", "  ", " b"}},
		{"tabs are a prefix", "a\t\tb", []string{"a", "\t", "\tb"}},
		{"trailing spaces stay together", "a   ", []string{"a", "   "}},
		{"spaces end after their first line breaks", "a \n\n \n b", []string{"a", " \n\n", " \n", " b"}},
		{"a mark is a prefix", "\u0301A", []string{"\u0301", "A"}},
		{"marks join letters", "ne\u0301e", []string{"ne\u0301e"}},
		{"devanagari", "नमस्ते दुनिया", []string{"नमस्ते", " दुनिया"}},
		{"unicode spaces", "a\u3000b\u00a0c\u2028d", []string{"a", "\u3000b", "\u00a0c", "\u2028d"}},
		{"NEL is a space", "a\u0085\u0085b", []string{"a", "\u0085", "\u0085b"}},
		{"invalid bytes are U+FFFD", "x\xffy", []string{"x", "\ufffdy"}},
		{"special tokens are text", "<|endoftext|>", []string{"<|", "endoftext", "|>"}},
		{"DEL is skipped", "a\x7fb !\x7f!", []string{"a", "b", " !", "!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pieces(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("pieces(%q) = %q, want %q", tt.in, got, tt.want)
			}
			checkSame(t, tt.in)
		})
	}
}

// TestCountMatchesTiktoken compares Count and the split with tiktoken-go on
// the repository's data and source, JSON, multilingual text and edge cases.
func TestCountMatchesTiktoken(t *testing.T) {
	for _, c := range corpus(t) {
		t.Run(c.name, func(t *testing.T) {
			checkSame(t, c.text)
		})
	}
}

// TestMixtures compares Count with tiktoken-go on random concatenations of
// fragments chosen to meet at the split pattern's boundaries.
func TestMixtures(t *testing.T) {
	r := rand.New(rand.NewPCG(200, 1))
	for i := range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(fragments[r.IntN(len(fragments))])
		}
		s := b.String()
		t.Run(strconv.Itoa(i), func(t *testing.T) { checkSame(t, s) })
	}
}

// TestConcurrentCount counts from several goroutines at once; run it with
// -race to check that Count shares nothing mutable.
func TestConcurrentCount(t *testing.T) {
	texts := append([]string{strings.Repeat(strings.Join(samples, "\n"), 8)}, samples...)
	want := make([]int, len(texts))
	for i, s := range texts {
		want[i] = Count(s)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i, s := range texts {
				if got := Count(s); got != want[i] {
					t.Errorf("concurrent Count(%s) = %d, want %d", abbreviate(s), got, want[i])
				}
			}
		})
	}
	wg.Wait()
}

// TestMergeStrategies checks that the scan and heap merges agree on pieces
// of every length around the switch between them.
func TestMergeStrategies(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "b", "ab", "the", " ", "in", "é", "ing", "\xff", "🙂", "0"}
	for n := 2; n <= 3*scanLimit; n++ {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		piece := b.String()[:n]
		if scan, heap := mergeScan(piece), mergeHeap(piece); scan != heap {
			t.Errorf("piece %q: scan merges into %d parts, heap into %d", piece, scan, heap)
		}
	}
}

type corpusEntry struct{ name, text string }

// corpus gathers the inputs of TestCountMatchesTiktoken.
func corpus(t *testing.T) []corpusEntry {
	t.Helper()
	root := filepath.Join("..", "..")
	var out []corpusEntry

	sheet, err := os.ReadFile(filepath.Join(root, "testdata", "sheets", "accounts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, corpusEntry{"accounts.csv", string(sheet)})

	// The sheet as JSON records, indented and compact.
	rows, err := csv.NewReader(strings.NewReader(string(sheet))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var records []map[string]string
	for _, row := range rows[1:min(len(rows), 600)] {
		rec := map[string]string{}
		for i, v := range row {
			rec[rows[0][i]] = v
		}
		records = append(records, rec)
	}
	indented, _ := json.MarshalIndent(records, "", "  ")
	compact, _ := json.Marshal(map[string]any{"accounts": records, "samples": samples})
	out = append(out, corpusEntry{"accounts.json", string(indented)}, corpusEntry{"compact.json", string(compact)})

	// The repository's source and documentation.
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "bin" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".yaml", ".json", ".txtar":
		default:
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out = append(out, corpusEntry{filepath.ToSlash(path), string(data)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	for i, s := range samples {
		out = append(out, corpusEntry{"sample" + strconv.Itoa(i), s})
	}
	for _, f := range fragments {
		out = append(out, corpusEntry{"long" + strconv.Quote(f[:min(len(f), 8)]), strings.Repeat(f, 4096/max(1, len(f))+1)})
	}
	return out
}

// samples are multilingual and edge-case texts.
var samples = []string{
	"",
	"hello world",
	"The quick brown fox jumps over the lazy dog. DON'T SHOUT, I'LL WAIT; we've, you're, it's, she'd, I'm.",
	"Mixed CASE: iPhone, eBay, McDonald's, XMLHttpRequest, getHTTPResponseCode, ĞÜŞİÖÇ ğüşıöç, İstanbul, ǅemal ǈ ǋ",
	"中文分词测试：我们今天去北京大学，然后吃饭。日本語のテキスト、カタカナとひらがな。한국어 텍스트입니다.",
	"العربية: مرحبا بالعالم، كيف حالك؟ ١٢٣٤٥٦٧ עברית: שלום עולם",
	"हिन्दी: नमस्ते दुनिया, क्षत्रिय, श्रृंखला। தமிழ்: வணக்கம் உலகம் ไทย: สวัสดีชาวโลก",
	"Русский текст: Привет, мир! Ελληνικά: Γειά σου Κόσμε. Straße, ẞ, ﬁne, Æsir",
	"emoji: 👨‍👩‍👧‍👦 family, 🏳️‍🌈 flag, 👍🏽 thumbs, 🇫🇷🇯🇵 flags, ❤️‍🔥, 1️⃣ keycap, 🫠",
	"combining: e\u0301 a\u0300\u0316 Z\u0364\u0351\u0313a\u0308\u0356\u036dl\u0367\u0352g\u0322o\u0353 \u0301\u0302start n\u0303",
	"whitespace:\t\v\f\u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000end \t \n\r\n \n\n\t\n  x",
	"digits: 0 12 345 6789 1234567890 3.14159 1e10 0x1F ½ ² Ⅻ ⑩ ٣ ४ ๓ 𝟗",
	"code: func main() { fmt.Println(\"hi\") }\n\tif err != nil {\n\t\treturn fmt.Errorf(\"x: %w\", err)\n\t}\n",
	"paths: /usr/local/bin C:\\Windows\\System32 https://example.com/a/b?c=d&e=f#g //comment\n//\n/*x*/",
	"invalid: \xff\xfe \xc3( \xed\xa0\x80 \xe2\x82 \xf0\x9f\x98 \x80abc \xc0\xaf end\xff",
	"nul\x00byte\x00\x00 \x01\x02\x1b[31mred\x1b[0m\x7f",
	"specials: <|endoftext|> <|endofprompt|> <|fim_prefix|> <|im_start|>user",
	"apostrophes: it’s ‘quoted’ 'single' ''s x's X'S 'll 'LL 'Re 've' y'all o'clock rock'n'roll",
	"letters: ʰʲ ˈstress ǂ ƛ ᴀᴄ ꜱ ſ ﬀ Ꭰ ꓐ ᏸ ǲ ǅ ᾈ",
	"\r\n\r\n  \r\n\t\r\n",
	"   leading and trailing   ",
	"\n",
	" ",
	"'",
	"a",
	"A",
	"🙂",
	"\u200d\u200c\ufeff zero width\u200bjoiner",
	"tab\tseparated\tvalues\n1\t2\t3\n",
	"id,name,amount\n1,\"Doe, Jane\",12.50\n2,O'Brien,-3\n",
	asciiTable(),
}

// asciiTable returns every ASCII character alone, after a letter, a space
// and a punctuation mark, and before a letter.
func asciiTable() string {
	var b strings.Builder
	for c := range 128 {
		r := string(rune(c))
		b.WriteString(r + "|a" + r + "| " + r + r + "|!" + r + "a|" + r + "A\n")
	}
	return b.String()
}

// fragments are the atoms of TestMixtures and of the long runs in corpus.
var fragments = []string{
	"a", "A", "é", "É", "\u0301", "'", "'s", "'S", "'ll", "'RE", "'ve", "'d", "'m", "'t", "'ſ", "ſ",
	" ", "  ", "\t", "\n", "\r\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u2028", "\u3000",
	"0", "12", "345", "٣", "½", "Ⅻ", "!", "?!", ".", ",", "/", "//", "\\", "-", "_", "(", ")", "{", "}",
	"\"", "<|endoftext|>", "中文", "日本", "한국", "العربية", "नमस्ते", "ि", "्", "Привет", "ΣΑΣ",
	"ǅ", "ʰ", "🙂", "👨‍👩‍👧", "🇫🇷", "\u200d", "\xff", "\xc3", "\x80", "\xed\xa0\x80", "\x00",
	"hello", "World", "HTTP", "camelCase", "snake_case", "DON'T", "json", "func", "return",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	"                                                                                                    ",
	"1234567890123456789012345678901234567890",
}

// TestLongPiece: a piece longer than longPiece is estimated from its start,
// scaled to its length (60 MB of one letter would otherwise take tens of
// seconds and a gigabyte to merge).
func TestLongPiece(t *testing.T) {
	exact := strings.Repeat("x", longPiece)
	n := Count(exact)
	if got := Count(exact + "x"); got < n || got > n+1 {
		t.Errorf("one byte past longPiece: %d tokens, want %d or %d", got, n, n+1)
	}
	huge := Count(strings.Repeat("x", 60<<20))
	if want := n * 960; huge < want || huge > want+1 {
		t.Errorf("60 MiB of x: %d tokens, want about %d", huge, want)
	}
	// Multibyte runes: the estimate's cut stays on a rune boundary.
	if got := Count(strings.Repeat("é", longPiece)); got <= 0 {
		t.Errorf("a long piece of é: %d tokens", got)
	}
}
