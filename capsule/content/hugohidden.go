package content

import "strings"

// The site's defaults of LoveIt's, DoIt's and FixIt's keys that hide a
// page from a list (Post.NotHome, NotSearch, NotFeed). Their templates
// read the site's configuration first: LoveIt, DoIt and FixIt 0.x
// params.page.hiddenFromHomePage (hiddenFromSearch, FixIt's
// hiddenFromFeed), FixIt 1.0 params.hidden_from_home_page
// (hidden_from_search, hidden_from_feed); when it is true, as a
// template's if takes it, a page is on the list only when its own key is
// the boolean false (where "Params.hiddenfromhomepage" false), else
// unless its own key is the boolean true.

// hugoHidden is the lists a Hugo site's theme hides every page from by
// default: some of the letters of hideHome, hideSearch, hideFeed; "" for
// none. paperModHome says the theme is PaperMod, which reads its own key
// (paperModHidden).
type hugoHidden string

const (
	hideHome     = 'h'
	hideSearch   = 's'
	hideFeed     = 'f'
	paperModHome = 'p'
)

func (h hugoHidden) has(list rune) bool { return strings.ContainsRune(string(h), list) }

// readHugoHidden reads the defaults from a Hugo configuration's params
// table (its keys in lower case, as readHugoConfigMap gives them): the
// 0.x themes' page table's, FixIt 1.0's at the top of params.
func readHugoHidden(params map[string]any) hugoHidden {
	page := section(params, "page")
	var h []rune
	for _, k := range []struct {
		list       rune
		old, snake string
	}{{hideHome, "hiddenfromhomepage", "hidden_from_home_page"}, {hideSearch, "hiddenfromsearch", "hidden_from_search"}, {hideFeed, "hiddenfromfeed", "hidden_from_feed"}} {
		if templateTruthy(page[k.old]) || templateTruthy(params[k.snake]) {
			h = append(h, k.list)
		}
	}
	return hugoHidden(h)
}

// templateTruthy is whether Go's templates take v as true in an if: not
// false, 0, nil, nor an empty string, list or table.
func templateTruthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case int:
		return v != 0
	case int64:
		return v != 0
	case uint64:
		return v != 0
	case float64:
		return v != 0
	case []any:
		return len(v) > 0
	case map[string]any:
		return len(v) > 0
	}
	return true
}

// paperModHidden reports whether PaperMod leaves the page of front
// matter m off its home page's list: its list.html keeps there only the
// pages for which where "Params.hiddenInHomeList" "!=" "true" holds,
// which Hugo's where takes as true for a page without the key (or with
// it empty) and for a string other than "true", and false for any other
// value: true and false, a number, a list (checked against Hugo 0.111's
// own build). Its key is read as themeFlag reads those themes', at the
// top or in the params table (Hugo 0.123 on), in any case.
func paperModHidden(m map[string]any) bool {
	for _, t := range []map[string]any{m, mapOf(m, "params")} {
		for k, v := range t {
			if strings.EqualFold(k, "hiddeninhomelist") && v != nil {
				s, isString := v.(string)
				return !isString || s == "true"
			}
		}
	}
	return false
}
