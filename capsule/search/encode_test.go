package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"capsule/capsule/buildcache"
)

// randomDocs are posts of random pieces of Japanese and English prose,
// full-width and half-width letters, gemtext markup and bad bytes.
func randomDocs(rng *rand.Rand, n int) []Doc {
	pieces := []string{"OpenStack", "ラズパイ", "ﾗｽﾞﾊﾟｲ", "ＯｐｅｎＳｔａｃｋ", "（テスト）", "合気道", "Ω", "ǅ", "e\u0301", "\t", " ", "Hello World",
		"=> gemini://example.org/ リンク", "# 見出し", "* 項目", "> 引用", "```", "\x7f", "\xff", "！？", "ｶ\uFF9E", "の話", "ーーーー", "aaaaaaaa", "\u00ad", "ß"}
	docs := make([]Doc, n)
	for i := range docs {
		var b strings.Builder
		for range rng.IntN(14) {
			for range rng.IntN(7) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			b.WriteByte('\n')
		}
		docs[i] = Doc{Title: fmt.Sprintf("%s %d", pieces[rng.IntN(len(pieces))], i), Body: []byte(b.String())}
	}
	return docs
}

// roundTrip writes idx to a cache file, each of bodies named by its
// place, and reads it back with bodies, or with read if not nil.
func roundTrip(t testing.TB, idx *Index, bodies, read [][]byte) (*Index, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c")
	w, err := buildcache.Create(path, [32]byte{1})
	if err != nil {
		t.Fatal(err)
	}
	names := make(map[*byte]string)
	for i, b := range bodies {
		if len(b) > 0 {
			names[unsafe.SliceData(b)] = fmt.Sprint("doc", i)
		}
	}
	idx.Encode(w, func(b []byte) (string, bool) { s, ok := names[unsafe.SliceData(b)]; return s, ok })
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	payload, _, err := buildcache.Read(path, [32]byte{1})
	if err != nil {
		t.Fatal(err)
	}
	if read != nil {
		bodies = read
	}
	d := buildcache.NewDecoder(payload...)
	got := Decode(d, nil, func(name string) []byte {
		var i int
		if _, err := fmt.Sscanf(name, "doc%d", &i); err != nil || i >= len(bodies) {
			return nil
		}
		return bodies[i]
	})
	return got, d.Done()
}

// indexDiff is the first difference between two indexes, empty slices
// and nil ones alike.
func indexDiff(a, b *Index) string {
	if len(a.docs) != len(b.docs) || len(a.blocks) != len(b.blocks) {
		return "sizes"
	}
	for i := range a.docs {
		x, y := a.docs[i], b.docs[i]
		if !slices.Equal(x.body, y.body) || x.name != y.name || x.title != y.title || x.size != y.size || x.seed != y.seed ||
			!slices.Equal(x.fold, y.fold) || !slices.Equal(x.kept, y.kept) || !slices.Equal(x.lines, y.lines) ||
			!slices.Equal(x.regions, y.regions) || !slices.Equal(x.filter, y.filter) {
			return fmt.Sprintf("doc %d: %+v, want %+v", i, y, x)
		}
	}
	for i := range a.blocks {
		if !slices.Equal(a.blocks[i].keys, b.blocks[i].keys) || !slices.Equal(a.blocks[i].masks, b.blocks[i].masks) {
			return fmt.Sprintf("block %d", i)
		}
	}
	if !slices.Equal(a.keys, b.keys) || !slices.Equal(a.counts, b.counts) || a.budget != b.budget {
		return "key counts"
	}
	return ""
}

var encodeQueries = []string{"openstack", "ラズパイ", "らずぱい", "テスト", "(テスト)", "合気道", "ω", "hello world", "world", "見出し", "項目",
	"リンク", "の話", "ーーー", "aaaa", "aaaaaaaaaaaaaaaa", "ss", "e", "dž", "！", "カ", "ｶﾞ", "1", "2"}

// An index read back is the index written, and answers as it does;
// given to Update with the same bodies, it is taken whole; with some
// changed, the result is what New builds.
func TestEncodeDecode(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for round := range 20 {
		docs := randomDocs(rng, rng.IntN(200))
		bodies := make([][]byte, len(docs))
		for i := range docs {
			bodies[i] = docs[i].Body
		}
		idx := New(docs)
		got, err := roundTrip(t, idx, bodies, nil)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if d := indexDiff(idx, got); d != "" {
			t.Fatalf("round %d: the index read back differs: %s", round, d)
		}
		// Another build from the same bodies takes every doc and block.
		again := Update(got, docs)
		for i := range docs {
			if len(docs[i].Body) > 0 && unsafe.SliceData(again.docs[i].fold) != unsafe.SliceData(got.docs[i].fold) && len(got.docs[i].fold) > 0 {
				t.Fatalf("round %d: doc %d folded again", round, i)
			}
		}
		if d := indexDiff(New(docs), again); d != "" {
			t.Fatalf("round %d: Update from the index read back is not New", round)
		}
		// Some posts changed, added or removed.
		edited := append([]Doc(nil), docs...)
		for range rng.IntN(5) {
			if len(edited) == 0 {
				break
			}
			i := rng.IntN(len(edited))
			switch rng.IntN(3) {
			case 0:
				edited[i] = randomDocs(rng, 1)[0]
			case 1:
				edited = append(edited[:i], edited[i+1:]...)
			case 2:
				edited = append(edited[:i], append(randomDocs(rng, 1), edited[i:]...)...)
			}
		}
		want := New(edited)
		upd := Update(got, edited)
		if d := indexDiff(want, upd); d != "" {
			t.Fatalf("round %d: Update from the index read back, after edits, is not New", round)
		}
		for _, q := range encodeQueries {
			w, wm := want.Search(q)
			g, gm := upd.Search(q)
			if !reflect.DeepEqual(w, g) || wm != gm {
				t.Fatalf("round %d, %q: %v %v, want %v %v", round, q, g, gm, w, wm)
			}
		}
	}
}

// A body that is not the one written, or none, and bytes changed
// anywhere, give an error or an index that searches without panicking.
func TestDecodeRefuses(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	docs := randomDocs(rng, 70)
	bodies := make([][]byte, len(docs))
	for i := range docs {
		bodies[i] = docs[i].Body
	}
	idx := New(docs)
	other := make([][]byte, len(bodies))
	for i, b := range bodies {
		other[i] = append([]byte("x"), b...)
	}
	if got, err := roundTrip(t, idx, bodies, other[:0]); err == nil || got != nil {
		t.Errorf("no bodies: %v", err)
	}
	// Other bodies (Decode reads their lengths, not their bytes):
	// refused, or searched without panicking.
	if got, err := roundTrip(t, idx, bodies, other); err == nil {
		searchAll(got)
	}
	for i := range 30 {
		read := slices.Clone(bodies)
		for j := range read {
			read[j] = slices.Clone(read[j])
			if len(read[j]) > 0 {
				read[j][rng.IntN(len(read[j]))] = "\n x\xffア"[rng.IntN(6)]
			}
		}
		if got, err := roundTrip(t, idx, bodies, read); err == nil {
			_ = i
			searchAll(got)
		}
	}
}

// TestDecodeWithALineBreakGone: an index read back with a body of the
// same length whose line break is gone (not the body it was written for:
// Decode checks the lines against its length, not its bytes) searches
// without panicking, a word at the start of the line after it too.
func TestDecodeWithALineBreakGone(t *testing.T) {
	body := []byte("hello\nworld " + strings.Repeat("tail words ", 20) + "\n")
	idx := New([]Doc{{Title: "t", Body: body}})
	other := bytes.Replace(body, []byte("hello\n"), []byte("hello "), 1)
	got, err := roundTrip(t, idx, [][]byte{body}, [][]byte{other})
	if err != nil {
		t.Skipf("refused: %v", err) // as good
	}
	for _, q := range []string{"world", "hello", "tail", "words"} {
		got.Search(q)
	}
}

func searchAll(idx *Index) {
	for _, q := range encodeQueries {
		idx.Search(q)
	}
	for i := range idx.docs {
		idx.docs[i].opening()
	}
}

// FuzzDecode gives the decoder any bytes: it must neither panic nor
// allocate more than they allow, and what it accepts searches without
// panicking.
func FuzzDecode(f *testing.F) {
	rng := rand.New(rand.NewPCG(1, 2))
	docs := randomDocs(rng, 3)
	docs = append(docs, Doc{Title: "ＡＢＣ", Body: []byte("ＡＢＣの話（全角）\nHello World, plain.\n（テスト）です。ﾃｽﾄも。\n\u00adx\u00ad\n")}, Doc{Title: "empty"})
	bodies := make([][]byte, len(docs))
	for i := range docs {
		bodies[i] = docs[i].Body
	}
	path := filepath.Join(f.TempDir(), "c")
	w, err := buildcache.Create(path, [32]byte{})
	if err != nil {
		f.Fatal(err)
	}
	New(docs).Encode(w, func(b []byte) (string, bool) {
		for i := range bodies {
			if unsafe.SliceData(bodies[i]) == unsafe.SliceData(b) {
				return string(rune('a' + i)), true
			}
		}
		return "", false
	})
	if _, err := w.Commit(); err != nil {
		f.Fatal(err)
	}
	payload, _, err := buildcache.Read(path, [32]byte{})
	if err != nil {
		f.Fatal(err)
	}
	whole := slices.Concat(payload...)
	f.Add(whole)
	f.Add(whole[:len(whole)/2])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		d := buildcache.NewDecoder(buildcache.Chunks(b)...)
		idx := Decode(d, nil, func(name string) []byte {
			if len(name) == 1 && name[0] >= 'a' && int(name[0]-'a') < len(bodies) {
				return bodies[name[0]-'a']
			}
			return nil
		})
		if d.Done() != nil {
			return
		}
		searchAll(idx)
		Update(idx, docs)
	})
}
