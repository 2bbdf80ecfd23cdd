package content

import (
	"crypto/sha256"
	"path/filepath"
	"reflect"
	"testing"
	"time"
	"unsafe"

	"capsule/capsule/buildcache"
)

// writeAndRead writes a build cache file with encode and returns a
// decoder of what it holds.
func writeAndRead(t *testing.T, encode func(w *buildcache.Writer)) *buildcache.Decoder {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cache")
	w, err := buildcache.Create(path, [32]byte{})
	if err != nil {
		t.Fatal(err)
	}
	encode(w)
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	payload, _, err := buildcache.Read(path, [32]byte{})
	if err != nil {
		t.Fatal(err)
	}
	return buildcache.NewDecoder(payload...)
}

// saveAndRestore writes what c's Load leaves a later process, as a build
// cache holds it (each post's Markdown's SHA-256 from sums), and reads it
// back.
func saveAndRestore(t *testing.T, c *Content, sums map[string][32]byte) *Saved {
	t.Helper()
	d := writeAndRead(t, func(w *buildcache.Writer) {
		c.EncodeSaved(w, func(file string, hash uint64) ([32]byte, bool) {
			s, ok := sums[file]
			return s, ok
		})
	})
	s := DecodeSaved(d)
	if err := d.Done(); err != nil || s == nil {
		t.Fatalf("decoding what was saved: %v", err)
	}
	return s
}

func bodySums(c *Content) map[string][32]byte {
	sums := map[string][32]byte{}
	for _, p := range append(append(append([]*Post(nil), c.Posts...), c.Pages...), c.Drafts...) {
		if p.Body != nil {
			sums[p.File] = sha256.Sum256(p.Body)
		}
	}
	return sums
}

// A restart takes from what an earlier process saved the posts whose
// files are as they were, and reads every other: one edited keeping its
// size and modification time (its change time moved), one replaced by
// another file of the same size and time (another inode), and one
// edited the same way within RacyWindow of its first read (not saved).
func TestRestartSeesEveryChangedFile(t *testing.T) {
	dir, old, racyTime := sneakyFolder(t, nil)
	first, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	sums := bodySums(first)
	first.Forget()
	saved := saveAndRestore(t, first, sums)
	if saved.Len() != 3 {
		t.Errorf("%d posts saved, want 3 (not the one read within RacyWindow of its change)", saved.Len())
	}

	// Same sizes, same modification times.
	changeSneakily(t, dir, old, racyTime)

	got, err := Load(dir, LoadOptions{Settle: -1, Saved: saved})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	bySlug := func(c *Content) map[string]*Post {
		m := map[string]*Post{}
		for _, p := range c.Posts {
			m[p.Slug] = p
		}
		return m
	}
	g, w := bySlug(got), bySlug(want)
	if len(g) != 4 {
		t.Fatalf("%d posts loaded, want 4", len(g))
	}
	for slug, p := range g {
		_, taken := p.SavedSum()
		if taken != (slug == "kept") {
			t.Errorf("%s: taken from what was saved: %v", slug, taken)
		}
		if !taken && string(p.Body) != string(w[slug].Body) {
			t.Errorf("%s: Markdown %q, want %q", slug, p.Body, w[slug].Body)
		}
	}
	if s, _ := g["kept"].SavedSum(); s != sums[g["kept"].File] {
		t.Error("the post taken has another SHA-256 than its Markdown's")
	}
	// What a render reads back is checked against that SHA-256.
	if err := ReadBody(g["kept"]); err != nil || string(g["kept"].Body) != string(w["kept"].Body) {
		t.Errorf("ReadBody of the post taken: %v, %q", err, g["kept"].Body)
	}
}

// A post saved and read back is the post decoded: every field of Post
// and of its defaults, set to something other than its zero value, comes
// back (a field added to either is saved, or this fails).
func TestSavedCoversEveryField(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	var p Post
	fill(t, reflect.ValueOf(&p).Elem(), loc)
	p.Body, p.BodyHash, p.bodySum = nil, 0, nil
	var def postDefaults
	fill(t, reflect.ValueOf(&def).Elem(), loc)
	def.modTime = def.modTime.In(time.FixedZone("+0530", 5*3600+1800))

	d := writeAndRead(t, func(w *buildcache.Writer) {
		encodePost(w, &p)
		encodeDefaults(w, &def)
	})
	z := &zones{}
	gotP := decodePost(d, z)
	gotDef := decodeDefaults(d, z)
	if err := d.Done(); err != nil || z.bad {
		t.Fatalf("decoding: %v (times not as they were: %v)", err, z.bad)
	}
	same(t, "Post", reflect.ValueOf(&p).Elem(), reflect.ValueOf(gotP).Elem())
	same(t, "postDefaults", reflect.ValueOf(&def).Elem(), reflect.ValueOf(&gotDef).Elem())
}

var timeType = reflect.TypeOf(time.Time{})

// fill sets every field of v, exported or not, to a value other than its
// zero value.
func fill(t *testing.T, v reflect.Value, loc *time.Location) {
	if !v.CanSet() {
		v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	}
	switch {
	case v.Type() == timeType:
		v.Set(reflect.ValueOf(time.Date(2021, 3, 4, 5, 6, 7, 8, loc)))
		return
	case v.Kind() == reflect.Pointer:
		return // bodySum: not saved as a field
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("s-" + v.Type().String())
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(42)
	case reflect.Uint64, reflect.Uint8:
		v.SetUint(42)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(t, s.Index(i), loc)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(t, k, loc)
		fill(t, e, loc)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(t, v.Field(i), loc)
		}
	default:
		t.Fatalf("fill: a %s (%s): teach the test, and EncodeSaved", v.Kind(), v.Type())
	}
}

// same compares a and b (addressable) field by field, times as SameTime
// does.
func same(t *testing.T, where string, a, b reflect.Value) {
	t.Helper()
	if a.Type() == timeType {
		at := reflect.NewAt(timeType, unsafe.Pointer(a.UnsafeAddr())).Elem().Interface().(time.Time)
		bt := reflect.NewAt(timeType, unsafe.Pointer(b.UnsafeAddr())).Elem().Interface().(time.Time)
		if !SameTime(at, bt) {
			t.Errorf("%s: %v, want %v", where, bt, at)
		}
		return
	}
	if a.Kind() == reflect.Struct {
		for i := range a.NumField() {
			same(t, where+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i))
		}
		return
	}
	ai := reflect.NewAt(a.Type(), unsafe.Pointer(a.UnsafeAddr())).Elem().Interface()
	bi := reflect.NewAt(b.Type(), unsafe.Pointer(b.UnsafeAddr())).Elem().Interface()
	if !reflect.DeepEqual(ai, bi) {
		t.Errorf("%s: %v, want %v", where, bi, ai)
	}
}
