package content

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
)

// toolConfig reads the site's title, description and language from the
// configuration of the tool that wrote the blog, for a folder without a
// site file: Jekyll's _config.yml in the folder, Hugo's hugo.toml (or
// config.toml, hugo.yaml, config.yaml) beside a content folder. A file it
// cannot read is passed over: these are conveniences, the site file and
// flags say the same for sure. setLang is false when the operator chose
// the language.
func toolConfig(dir string, l layout, meta *SiteMeta, setLang bool) {
	var candidates []string
	switch l {
	case layoutJekyll:
		candidates = []string{filepath.Join(dir, "_config.yml"), filepath.Join(dir, "_config.yaml")}
	case layoutHugo:
		if filepath.Base(filepath.Clean(dir)) != "content" {
			return
		}
		parent := filepath.Dir(filepath.Clean(dir))
		for _, name := range []string{"hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml"} {
			candidates = append(candidates, filepath.Join(parent, name))
		}
	default:
		return
	}
	for _, path := range candidates {
		info, err := os.Stat(path)
		if err != nil || !info.Mode().IsRegular() || info.Size() > MaxFrontMatterSize {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		var m map[string]any
		if strings.HasSuffix(path, ".toml") {
			_, err = toml.Decode(string(src), &m)
		} else {
			err = yaml.Unmarshal(src, &m)
		}
		if err != nil {
			continue
		}
		str := func(v any) string { s, _ := v.(string); return oneLine(s) }
		if meta.Title == "" {
			meta.Title = str(m["title"])
		}
		if meta.Description == "" {
			meta.Description = str(m["description"])
			if params, ok := m["params"].(map[string]any); ok && meta.Description == "" {
				meta.Description = str(params["description"])
			}
		}
		// Jekyll's lang, Hugo's languageCode ("ja-jp"): the language.
		for _, key := range []string{"lang", "languageCode", "defaultContentLanguage"} {
			if !setLang {
				break // the operator said which
			}
			if lang := strings.ToLower(str(m[key])); lang != "" && langPattern.MatchString(lang) {
				meta.Lang = lang
				break
			}
		}
		return
	}
}
