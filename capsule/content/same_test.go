package content

import (
	"reflect"
	"testing"
	"time"
	"unsafe"
)

// changeField changes v (a field, perhaps unexported) to another value
// of its type, or reports false when it cannot.
func changeField(v reflect.Value) bool {
	v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem() // settable, unexported too
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Uint64, reflect.Uint8:
		v.SetUint(v.Uint() + 1)
	case reflect.Slice:
		v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		m.SetMapIndex(reflect.Zero(v.Type().Key()), reflect.Zero(v.Type().Elem()))
		v.Set(m)
	case reflect.Pointer:
		if v.Type() == reflect.TypeOf((*time.Location)(nil)) {
			v.Set(reflect.ValueOf(time.FixedZone("X", 3600)))
			return true
		}
		if v.Type() == reflect.TypeOf((*astroSrc)(nil)) {
			v.Set(reflect.ValueOf(&astroSrc{content: "src/content"}))
			return true
		}
		if v.Type() == reflect.TypeOf((*jekyllArchives)(nil)) {
			v.Set(reflect.ValueOf(&jekyllArchives{tag: "/tag/:name/"}))
			return true
		}
		if v.Type() == reflect.TypeOf((*[32]byte)(nil)) {
			v.Set(reflect.ValueOf(&[32]byte{1}))
			return true
		}
		return false
	case reflect.Struct:
		switch v.Type() {
		case reflect.TypeOf(time.Time{}):
			v.Set(reflect.ValueOf(v.Interface().(time.Time).Add(time.Second)))
		case reflect.TypeOf(Hero{}):
			v.Set(reflect.ValueOf(Hero{URL: "/hero.png"}))
		case reflect.TypeOf(SiteMeta{}):
			v.Set(reflect.ValueOf(SiteMeta{Title: "other"}))
		case reflect.TypeOf(Markup{}):
			v.Set(reflect.ValueOf(Markup{Emoji: true}))
		case reflect.TypeOf(hexoTermDirs{}):
			v.Set(reflect.ValueOf(hexoTermDirs{tags: "labels"}))
		case reflect.TypeOf(jekyllPaginate{}):
			v.Set(reflect.ValueOf(jekyllPaginate{per: 5, path: "/page:num", first: "/"}))
		case reflect.TypeOf(Pager{}):
			v.Set(reflect.ValueOf(Pager{Size: 10, Path: "page"}))
		case reflect.TypeOf(paginationV2{}):
			v.Set(reflect.ValueOf(paginationV2{enabled: true, per: 3, offset: -1, limit: -1, first: "/blog/"}))
		default:
			return false
		}
	default:
		return false
	}
	return true
}

// TestSameComparesEveryField changes each field of a post and of a
// Content, one at a time, and checks that Same tells the change: a
// field added to Post or Content must be compared (or, for Content,
// named here as one no build reads).
func TestSameComparesEveryField(t *testing.T) {
	base := func() *Post {
		return &Post{File: "a.md", Slug: "a", Title: "A", Date: time.Unix(1, 0), HasDate: true, Updated: time.Unix(1, 0),
			Tags: []string{"t"}, Body: []byte("b"), BodyHash: 5, plain: true}
	}
	typ := reflect.TypeOf(Post{})
	for i := range typ.NumField() {
		field := typ.Field(i)
		changed := base()
		if !changeField(reflect.ValueOf(changed).Elem().Field(i)) {
			t.Fatalf("Post.%s of kind %s: teach this test to change it", field.Name, field.Type.Kind())
		}
		if field.Name == "Body" || field.Name == "bodySum" {
			// Other Markdown (bodySum is its SHA-256, kept for the
			// build cache), another hash: compared by the hash.
			changed.BodyHash++
		}
		if SamePostAll(base(), changed) {
			t.Errorf("SamePostAll misses a change of Post.%s", field.Name)
		}
		// What a post renders from: every field Load gives out.
		if field.IsExported() && SamePost(base(), changed) {
			t.Errorf("SamePost misses a change of Post.%s", field.Name)
		}
	}
	// Posts without hashes (not from Load) are compared by their bytes.
	a, b := base(), base()
	a.BodyHash, b.BodyHash, b.Body = 0, 0, []byte("c")
	if SamePost(a, b) {
		t.Error("SamePost misses a change of Body when there are no hashes")
	}
	// After Forget, a post's Markdown is compared by its hash.
	forgot := base()
	forgot.Body = nil
	if !SamePostAll(base(), forgot) {
		t.Errorf("SamePostAll tells a post apart from itself without its Markdown")
	}
	forgot.BodyHash++
	if SamePostAll(base(), forgot) {
		t.Errorf("SamePostAll misses another hash of a post without its Markdown")
	}

	notRead := map[string]bool{"now": true, "state": true, "cache": true, "datedPagesWait": true, "site": true, "langSites": true, "keptFromCache": true} // the lists say the states; the time is in them; site is what the next load keeps, Meta what is built; the problems say what was kept
	full := func() *Content {
		return &Content{Location: time.UTC, Posts: []*Post{base()}, Files: []File{{Path: "f", Data: []byte("d")}},
			Warnings: []*FileError{{File: "w"}}, Problems: ErrorList{{File: "p"}}}
	}
	ctyp := reflect.TypeOf(Content{})
	for i := range ctyp.NumField() {
		field := ctyp.Field(i)
		if notRead[field.Name] {
			continue
		}
		changed := full()
		if !changeField(reflect.ValueOf(changed).Elem().Field(i)) {
			t.Fatalf("Content.%s of kind %s: teach this test to change it", field.Name, field.Type.Kind())
		}
		if Same(full(), changed) {
			t.Errorf("Same misses a change of Content.%s", field.Name)
		}
	}
	if !Same(full(), full()) {
		t.Errorf("Same tells a Content apart from its copy")
	}
	// What the lists hold: a post changed, a file's bytes, a warning's text.
	c := full()
	c.Posts[0].Title = "B"
	c.Files[0].Data = []byte("e")
	if Same(full(), c) {
		t.Errorf("Same misses a change of a post and of a file")
	}
	c = full()
	c.Warnings[0].Msg = "other"
	if Same(full(), c) {
		t.Errorf("Same misses a change of a warning")
	}
}
