package content

import (
	"bytes"
	"maps"
	"slices"
	"time"
)

// Same reports whether a and b are the same content: every list holds
// the same posts in the same order, each the same in every field (their
// Markdown compared by BodyHash when both have one, as after Forget), the
// same files with the same bytes, and the same site, layout, languages,
// warnings and problems. A Build of b then gives what a Build of a gave
// (the time aside: a post whose date or expiry passed between the two
// loads is in another list, and the two differ). It is what a reload
// that found nothing changed checks before keeping the Store it serves
// (capsule.BuildOptions.PreviousContent): a few comparisons a post, no
// allocation. (TestSameComparesEveryField keeps the lists of fields
// complete.)
func Same(a, b *Content) bool {
	if a == nil || b == nil {
		return false
	}
	if a == b {
		return true
	}
	if a.Meta != b.Meta || a.Layout != b.Layout || a.Markup != b.Markup || a.baseURL != b.baseURL || a.zolaTerms != b.zolaTerms || a.polyglot != b.polyglot || a.bareHTML != b.bareHTML || a.hexo != b.hexo || a.sectionLists != b.sectionLists ||
		a.hexoRoot != b.hexoRoot || !maps.Equal(a.hexoAssets, b.hexoAssets) ||
		!maps.Equal(a.hexoCategoryMap, b.hexoCategoryMap) || !maps.Equal(a.hexoTagMap, b.hexoTagMap) || a.hexoFilenameCase != b.hexoFilenameCase ||
		a.hexoTerms != b.hexoTerms || !a.jekyllArchives.same(b.jekyllArchives) || a.defaultLangHome != b.defaultLangHome || a.hugoPager != b.hugoPager || !slices.Equal(a.hugoSections, b.hugoSections) || !maps.Equal(a.hugoSectionLayouts, b.hugoSectionLayouts) || !slices.Equal(a.hugoTermLists, b.hugoTermLists) || a.hugoTaxonomies != b.hugoTaxonomies || a.hugoUgly != b.hugoUgly || !maps.Equal(a.hugoUglySections, b.hugoUglySections) || !maps.Equal(a.termPagers, b.termPagers) || a.jekyllPaginate != b.jekyllPaginate || !slices.Equal(a.templatesV2, b.templatesV2) ||
		(a.Location == nil) != (b.Location == nil) || a.Location != nil && a.Location.String() != b.Location.String() ||
		!SameTime(a.NextChange, b.NextChange) || !slices.Equal(a.Languages, b.Languages) ||
		!slices.Equal(a.Withheld, b.Withheld) || !a.astroSrc.same(b.astroSrc) || !slices.Equal(a.zolaLists, b.zolaLists) ||
		!slices.Equal(a.listTemplates, b.listTemplates) || !slices.Equal(a.tagTemplates, b.tagTemplates) {
		return false
	}
	for _, l := range [...][2][]*Post{{a.Posts, b.Posts}, {a.Pages, b.Pages}, {a.Drafts, b.Drafts}, {a.Scheduled, b.Scheduled},
		{a.Expired, b.Expired}, {a.Unlisted, b.Unlisted}, {a.NoPage, b.NoPage}} {
		if !slices.EqualFunc(l[0], l[1], SamePostAll) {
			return false
		}
	}
	sameFile := func(x, y File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }
	sameErr := func(x, y *FileError) bool { return x == y || x != nil && y != nil && *x == *y }
	return slices.EqualFunc(a.Files, b.Files, sameFile) && slices.EqualFunc(a.DraftFiles, b.DraftFiles, sameFile) &&
		slices.EqualFunc(a.Warnings, b.Warnings, sameErr) && slices.EqualFunc(a.Problems, b.Problems, sameErr)
}

// SamePost reports whether a and b are the same post in every field
// Load gives out: what a post renders from. Their Markdown is compared
// by BodyHash, and by its bytes when both have them (after Forget, a
// post's Body is nil). (TestSameComparesEveryField keeps it complete.)
func SamePost(a, b *Post) bool {
	if a == b {
		return true
	}
	// Times in the same zone (decoded once, copied since) are equal
	// as they are; others the same if SameTime says so.
	same := func(x, y time.Time) bool { return x == y || SameTime(x, y) }
	if a.File != b.File || a.Slug != b.Slug || a.Title != b.Title || !same(a.Date, b.Date) || a.HasDate != b.HasDate || !same(a.publishes, b.publishes) ||
		!same(a.Updated, b.Updated) || !slices.Equal(a.Tags, b.Tags) || a.Summary != b.Summary || a.Lang != b.Lang ||
		a.LangDir != b.LangDir || !slices.Equal(a.Translations, b.Translations) || a.Draft != b.Draft || a.DraftSection != b.DraftSection ||
		!slices.Equal(a.Aliases, b.Aliases) || !slices.Equal(a.Addresses, b.Addresses) || a.Page != b.Page ||
		!same(a.Expires, b.Expires) || a.Unlisted != b.Unlisted || a.Home != b.Home || a.Dir != b.Dir ||
		a.Blank != b.Blank || a.Layout != b.Layout || a.Brief != b.Brief || a.Term != b.Term || a.Math != b.Math || a.NoMarkdown != b.NoMarkdown || a.NotHome != b.NotHome || a.NotSearch != b.NotSearch || a.NotFeed != b.NotFeed || a.AlsoIn != b.AlsoIn || a.Hero != b.Hero || a.BodyLine != b.BodyLine ||
		!slices.Equal(a.Lines, b.Lines) || a.RedirectTo != b.RedirectTo {
		return false
	}
	// The Markdown: by its hash, and by its bytes when both have them
	// (Forget keeps those of a post without a hash, and of one whose
	// templates Load expanded).
	if a.BodyHash != b.BodyHash {
		return false
	}
	return a.Body == nil && a.BodyHash != 0 || b.Body == nil && b.BodyHash != 0 || bytes.Equal(a.Body, b.Body)
}

// SamePostAll reports whether a and b are the same post in every field,
// those Load keeps to itself too (addresses, translations, what
// Unpublished and Path say), as SamePost compares them.
func SamePostAll(a, b *Post) bool {
	if a == b {
		return true // a post a reload took from the load before (poststage.go)
	}
	if !SamePost(a, b) {
		return false
	}
	if a.plain != b.plain || a.noTemplates != b.noTemplates || a.bodyAt != b.bodyAt || a.limit != b.limit || a.noPage != b.noPage || a.noResources != b.noResources ||
		a.rel != b.rel || a.fmSlug != b.fmSlug || a.own != b.own || a.ownKey != b.ownKey || a.ownLine != b.ownLine ||
		len(a.hugoAliases) != len(b.hugoAliases) || !slices.Equal(a.hugoOlder, b.hugoOlder) ||
		!slices.Equal(a.categories, b.categories) || a.keyTags != b.keyTags || a.langCode != b.langCode || a.langRoot != b.langRoot || a.translationKey != b.translationKey ||
		a.fmTranslationKey != b.fmTranslationKey || a.untitled != b.untitled || a.hidden != b.hidden || a.kana != b.kana || a.locked != b.locked || a.pagination != b.pagination || a.weight != b.weight || a.weighted != b.weighted || !slices.Equal(a.addressVals, b.addressVals) {
		return false
	}
	for k, v := range a.hugoAliases {
		if w, ok := b.hugoAliases[k]; !ok || w != v {
			return false
		}
	}
	return true
}
