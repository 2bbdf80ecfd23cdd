// Package messages holds every text capsule itself adds to what readers
// see (labels, headings, prompts, menu items, error texts), one table per
// language. The site's lang chooses the table: English, Japanese,
// Chinese (simplified and traditional characters), Korean and Spanish
// are built in, any other language gets English; an operator may replace any message in the
// configuration ([messages] in the TOML file).
//
// Messages may hold placeholders in braces, filled in by Format: {site}
// (the site's title), {title}, {query}, {count}, {max}, {url}, {time},
// a draft's {section},
// an upload's {file}, {path} and {problem}, and a problem's {key},
// {value}, {example}, {delim} and {detail}.
package messages

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Messages is one language's texts. The TOML names are the keys an
// operator overrides them by; doc says where each is shown (the README's
// table of messages is made from them, see Table).
type Messages struct {
	Tags     string `toml:"tags" doc:"link to the tag index"`
	Archive  string `toml:"archive" doc:"link to the archive"`
	Search   string `toml:"search" doc:"link to search"`
	AtomFeed string `toml:"atom_feed" doc:"link to the Atom feed"`
	Posts    string `toml:"posts" doc:"heading of the home page's post list, when it has posts"`
	NoPosts  string `toml:"no_posts" doc:"the home page of a site (or language) with no post nor page of its own"`
	Home     string `toml:"home" doc:"gopher: the menus' link home, {site}"`

	TagsHeading    string `toml:"tags_heading" doc:"heading of the tag index: {site}"`
	NoTags         string `toml:"no_tags" doc:"the tag index, when no post has a tag"`
	TagFeed        string `toml:"tag_feed" doc:"link to a tag's Atom feed"`
	ArchiveHeading string `toml:"archive_heading" doc:"heading of the archive: {site}"`

	TagsLabel  string `toml:"tags_label" doc:"gopher text: the header's 'Tags: a, b'"`
	ImageLabel string `toml:"image_label" doc:"gopher text: an image, '[image: alt]'"`
	VideoLabel string `toml:"video_label" doc:"an HTML <video> (or <source>), 'Video: title'"`
	AudioLabel string `toml:"audio_label" doc:"an HTML <audio>, 'Audio: title'"`
	EmbedLabel string `toml:"embed_label" doc:"an HTML <iframe>, <embed>, <object>, 'Embedded page: title'"`
	// An alert's title when it gives none (> [!NOTE], in a site whose
	// generator draws alerts).
	AlertNote      string `toml:"alert_note" doc:"title of a '> [!NOTE]' alert that gives none"`
	AlertTip       string `toml:"alert_tip" doc:"title of a '> [!TIP]' alert that gives none"`
	AlertImportant string `toml:"alert_important" doc:"title of a '> [!IMPORTANT]' alert that gives none"`
	AlertWarning   string `toml:"alert_warning" doc:"title of a '> [!WARNING]' alert that gives none"`
	AlertCaution   string `toml:"alert_caution" doc:"title of a '> [!CAUTION]' alert that gives none"`
	Read           string `toml:"read" doc:"gopher: a post's text, {title}"`
	PostLinks      string `toml:"post_links" doc:"gopher: above a post's links"`
	MenuPointer    string `toml:"menu_pointer" doc:"gopher: end of a post's text, above its menu's URL"`
	LynxHint       string `toml:"lynx_hint" doc:"gopher: the root menu's hint for Lynx"`

	SearchPrompt      string `toml:"search_prompt" doc:"Gemini's 10 prompt; the Gopher search menu"`
	SearchHeading     string `toml:"search_heading" doc:"heading of search results: {query}"`
	SearchAgain       string `toml:"search_again" doc:"link to search again"`
	SearchNone        string `toml:"search_none" doc:"search found nothing: {query}"`
	SearchFound       string `toml:"search_found" doc:"search found some: {query} {count}"`
	SearchMore        string `toml:"search_more" doc:"{query} {count}: the newest of more"`
	SearchStopped     string `toml:"search_stopped" doc:"{query} {count}: stopped at its budget"`
	SearchStoppedNone string `toml:"search_stopped_none" doc:"search stopped at its budget, none found: {query}"`
	SearchTooLong     string `toml:"search_too_long" doc:"a query over {max} characters"`
	SearchBadEncoding string `toml:"search_bad_encoding" doc:"a query that is not percent-encoded right"`
	NotFound          string `toml:"not_found" doc:"51, and Gopher's error menu"`
	SlowDown          string `toml:"slow_down" doc:"Gopher's error menu for a client over its rate"`
	WrongHost         string `toml:"wrong_host" doc:"53, a request for another host: {url}"`
	Drafts            string `toml:"drafts" doc:"the drafts' index, for their author"`
	NoDrafts          string `toml:"no_drafts" doc:"the drafts' index, empty"`
	DraftMark         string `toml:"draft_mark" doc:"a draft's byline"`
	// A Hugo page whose draft: false its draft section overrules.
	DraftSectionMark  string `toml:"draft_section_mark" doc:"the byline of a draft whose front matter says draft: false, which its draft Hugo section overrules: {section} is the section's folder"`
	ExpiredMark       string `toml:"expired_mark" doc:"an expired post's byline, among the drafts"`
	ScheduledMark     string `toml:"scheduled_mark" doc:"a scheduled post's byline, among the drafts; {time} is when it publishes"`
	AuthorCertificate string `toml:"author_certificate" doc:"60: drafts without a client certificate"`
	NotAuthor         string `toml:"not_author" doc:"61: drafts with another certificate"`
	Sources           string `toml:"sources" doc:"the drafts' index: heading of the posts' sources, when uploads are on"`
	UploadRefused     string `toml:"upload_refused" doc:"59, an upload whose post does not load: {file} {problem}"`
	UploadRefusedNew  string `toml:"upload_refused_new" doc:"59, a new post that does not load: {file} {problem}"`
	Deleted           string `toml:"deleted" doc:"heading of the answer to a deletion: {file}"`
	DeletedText       string `toml:"deleted_text" doc:"the answer to a deletion, above the text deleted"`
	UploadNotServed   string `toml:"upload_not_served" doc:"59, an upload that would not be served: {file}"`
	UploadTooLarge    string `toml:"upload_too_large" doc:"59, an upload over its cap: {max} bytes"`
	UploadPath        string `toml:"upload_path" doc:"59, an upload to a path that is no post's source nor a file beside a post: {path}"`
	UploadCut         string `toml:"upload_cut" doc:"59, an upload whose body ended before its size"`
	UploadFailed      string `toml:"upload_failed" doc:"40, an upload that could not be saved"`
	UploadStopping    string `toml:"upload_stopping" doc:"40, an upload not taken because the daemon stops"`
	UploadsOff        string `toml:"uploads_off" doc:"53, an upload to a site that takes none"`

	// The problems an upload from a phone meets most, said after the
	// file and line in upload_refused's {problem} (content.Words); the
	// log keeps the loader's English.
	ProblemNotADate       string `toml:"problem_not_a_date" doc:"an upload's problem: {key}'s value {value} is no date"`
	ProblemTrueOrFalse    string `toml:"problem_true_or_false" doc:"an upload's problem: {key} (draft) is not true or false; {example}"`
	ProblemUnclosedString string `toml:"problem_unclosed_string" doc:"an upload's problem: a quoted string not closed on its line"`
	ProblemUnclosedList   string `toml:"problem_unclosed_list" doc:"an upload's problem: a list not closed, or without commas; {example}"`
	ProblemYAMLColon      string `toml:"problem_yaml_colon" doc:"an upload's problem: YAML's 'mapping value is not allowed in this context'"`
	ProblemYAMLTab        string `toml:"problem_yaml_tab" doc:"an upload's problem: a tab indenting YAML"`
	ProblemYAMLQuote      string `toml:"problem_yaml_quote" doc:"an upload's problem: a YAML value to put in quotes (it starts with @, %, { or a quote and goes on, or text follows its list); {example}"`
	ProblemYAMLInTOML     string `toml:"problem_yaml_in_toml" doc:"an upload's problem: {key}: value between +++ lines"`
	ProblemNotTOMLValue   string `toml:"problem_not_toml_value" doc:"an upload's problem: a TOML value {value} that is none (text not quoted)"`
	ProblemNotClosed      string `toml:"problem_not_closed" doc:"an upload's problem: front matter with no closing {delim} line"`
	ProblemNoFrontMatter  string `toml:"problem_no_front_matter" doc:"an upload's problem: a post with no front matter"`
	ProblemNotUTF8        string `toml:"problem_not_utf8" doc:"an upload's problem: front matter that is not UTF-8"`
	ProblemFrontMatter    string `toml:"problem_front_matter" doc:"an upload's problem: any other front matter the YAML or TOML reader refuses, {detail} saying why (in English)"`

	LeavesGopher  string `toml:"leaves_gopher" doc:"gopher: the web page a URL: selector answers, before its link"`
	NotRedirected string `toml:"not_redirected" doc:"gopher: that page, for a URL: selector to a scheme not redirected to"`
	RedirectTitle string `toml:"redirect_title" doc:"gopher: the title of the page a URL: selector answers (a browser's tab)"`
	RefusedTitle  string `toml:"not_redirected_title" doc:"gopher: the title of that page, for a URL not redirected to"`
}

// English is the table of every language without a table of its own
// (Japanese, Chinese, Korean, Spanish).
var English = Messages{
	Tags:     "Tags",
	Archive:  "Archive",
	Search:   "Search",
	AtomFeed: "Atom feed",
	Posts:    "Posts",
	NoPosts:  "No posts yet.",
	Home:     "Home: {site}",

	TagsHeading:    "Tags: {site}",
	NoTags:         "No post has a tag yet.",
	TagFeed:        "Atom feed of this tag",
	ArchiveHeading: "Archive: {site}",

	TagsLabel:      "Tags",
	ImageLabel:     "image",
	VideoLabel:     "Video",
	AudioLabel:     "Audio",
	EmbedLabel:     "Embedded page",
	AlertNote:      "Note",
	AlertTip:       "Tip",
	AlertImportant: "Important",
	AlertWarning:   "Warning",
	AlertCaution:   "Caution",
	Read:           "Read: {title}",
	PostLinks:      "Links in this post:",
	MenuPointer:    "Links, tags and other posts as a gopher menu:",
	LynxHint:       "Lynx: run lynx -assume_charset=utf-8 to read this capsule in UTF-8.",

	SearchPrompt:      "Search the posts",
	SearchHeading:     "Search: {query}",
	SearchAgain:       "Search again",
	SearchNone:        "No post contains “{query}”.",
	SearchFound:       "Posts that contain “{query}”: {count}",
	SearchMore:        "Posts that contain “{query}”, the newest {count}:",
	SearchStopped:     "Posts that contain “{query}” (the search stopped early, there may be more): {count}",
	SearchStoppedNone: "No post found for “{query}” before the search stopped: try a longer phrase.",
	SearchTooLong:     "Search query too long: at most {max} characters",
	SearchBadEncoding: "Bad percent-encoding in the query",
	NotFound:          "Not found",
	SlowDown:          "Slow down: too many requests, try again in a few seconds",
	WrongHost:         "This server is {url}",
	Drafts:            "Drafts",
	NoDrafts:          "No drafts.",
	DraftMark:         "Draft, not published",
	DraftSectionMark:  "Draft, not published: its section {section} is a draft, which overrules its draft: false",
	ExpiredMark:       "Expired, no longer published",
	ScheduledMark:     "Scheduled · publishes at {time}",
	AuthorCertificate: "Author's certificate required",
	NotAuthor:         "This certificate is not an author's",
	Sources:           "Sources (edit one with Titan)",
	UploadRefused:     "{file} was not taken, its previous version stays: {problem}",
	UploadRefusedNew:  "{file} was not taken: {problem}",
	Deleted:           "Deleted: {file}",
	DeletedText:       "Its text is below, and kept in the history on the server: to put it back, upload it again to the same address.",
	UploadNotServed:   "{file} would not be served: not taken",
	UploadTooLarge:    "Too large: at most {max} bytes",
	UploadPath:        "Not a post's source, nor a file beside a post: {path} (a post's is /posts/<slug>.md, as listed under Sources at /drafts/; a file's, the address it is served at, in a post's folder)",
	UploadCut:         "The upload ended before its size: nothing was written",
	UploadFailed:      "The upload could not be saved: nothing changed, try again",
	UploadStopping:    "Stopping: the upload was not taken, nothing changed; send it again once the capsule is back",
	UploadsOff:        "Uploads (Titan) are not taken here",

	ProblemNotADate:       "front matter: {key} \"{value}\" is not a date: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00",
	ProblemTrueOrFalse:    "front matter: {key} must be true or false, e.g. {example}",
	ProblemUnclosedString: `front matter: a string opened with a quote is not closed on its line: end it with the same quote`,
	ProblemUnclosedList:   "front matter: a list ([…]) is not closed: separate its items with commas and end it with ], e.g. {example}",
	ProblemYAMLColon:      `front matter: a value holds ": ", or a line is indented where it should not be: put such a value in quotes ("…")`,
	ProblemYAMLTab:        "front matter: a tab where YAML takes spaces only: indent with spaces",
	ProblemYAMLQuote:      "front matter: put this value in quotes, e.g. {example}",
	ProblemYAMLInTOML:     `front matter: "{key}: …" is YAML, but "+++" opens TOML front matter: write {key} = "…", or open and close the front matter with "---" lines`,
	ProblemNotTOMLValue:   `front matter: the value "{value}" is not TOML: put text in quotes (title = "…"); a date is 2017-05-03, a list ["a", "b"]`,
	ProblemNotClosed:      "front matter is not closed: no {delim} line after this one",
	ProblemNoFrontMatter:  `missing front matter: the file must start with front matter between two "+++" lines (TOML) or two "---" lines (YAML)`,
	ProblemNotUTF8:        "front matter: the text is not UTF-8: save the file as UTF-8",
	ProblemFrontMatter:    "front matter: {detail}",
	LeavesGopher:          "This link leaves Gopherspace:",
	NotRedirected:         "This server redirects only to http, https, gemini, gopher and mailto URLs, not to:",
	RedirectTitle:         "Redirect",
	RefusedTitle:          "Not redirected",
}

// Japanese is the table of a site whose lang is ja.
var Japanese = Messages{
	Tags:     "タグ",
	Archive:  "アーカイブ",
	Search:   "検索",
	AtomFeed: "Atom フィード",
	Posts:    "記事",
	NoPosts:  "まだ記事がありません。",
	Home:     "ホーム: {site}",

	TagsHeading:    "タグ一覧: {site}",
	NoTags:         "タグの付いた記事はまだありません。",
	TagFeed:        "このタグの Atom フィード",
	ArchiveHeading: "アーカイブ: {site}",

	TagsLabel:      "タグ",
	ImageLabel:     "画像",
	VideoLabel:     "動画",
	AudioLabel:     "音声",
	EmbedLabel:     "埋め込みページ",
	AlertNote:      "注記",
	AlertTip:       "ヒント",
	AlertImportant: "重要",
	AlertWarning:   "警告",
	AlertCaution:   "注意",
	Read:           "本文を読む: {title}",
	PostLinks:      "この記事のリンク:",
	MenuPointer:    "リンク・タグ・前後の記事はこの gopher メニューから:",
	LynxHint:       "Lynx では lynx -assume_charset=utf-8 として開くと日本語が読めます。",

	SearchPrompt:      "記事を検索",
	SearchHeading:     "検索: {query}",
	SearchAgain:       "もう一度検索",
	SearchNone:        "「{query}」を含む記事はありません。",
	SearchFound:       "「{query}」を含む記事: {count} 件",
	SearchMore:        "「{query}」を含む記事のうち、新しい {count} 件:",
	SearchStopped:     "「{query}」を含む記事: {count} 件(検索を途中で打ち切りました。ほかにもあるかもしれません)",
	SearchStoppedNone: "「{query}」を含む記事は、検索を打ち切るまでに見つかりませんでした。もう少し長い言葉で検索してください。",
	SearchTooLong:     "検索語が長すぎます。{max} 文字までにしてください",
	SearchBadEncoding: "検索語のパーセントエンコードが正しくありません",
	NotFound:          "見つかりません",
	SlowDown:          "アクセスが多すぎます。数秒おいてから、もう一度どうぞ",
	WrongHost:         "このサーバーは {url} です",
	Drafts:            "下書き",
	NoDrafts:          "下書きはありません。",
	DraftMark:         "下書き(未公開)",
	DraftSectionMark:  "下書き(未公開):セクション {section} が下書きのため、このページの draft: false は効きません",
	ExpiredMark:       "公開終了(期限切れ)",
	ScheduledMark:     "予約投稿 · {time} 公開",
	AuthorCertificate: "著者のクライアント証明書が必要です",
	NotAuthor:         "この証明書は著者のものではありません",
	Sources:           "原稿(Titan で編集できます)",
	UploadRefused:     "{file} は取り込めませんでした。前の版のままです: {problem}",
	UploadRefusedNew:  "{file} は取り込めませんでした: {problem}",
	Deleted:           "削除しました: {file}",
	DeletedText:       "削除した原稿を下に載せます(サーバーの履歴にも残っています)。元に戻すには、同じアドレスにもう一度アップロードしてください。",
	UploadNotServed:   "{file} は公開されない場所なので、取り込みませんでした",
	UploadTooLarge:    "大きすぎます。{max} バイトまでです",
	UploadPath:        "記事の原稿でも、記事に添えるファイルでもありません: {path} (記事の原稿は /posts/<slug>.md で、/drafts/ の「原稿」に一覧があります。ファイルは、記事のフォルダーの中の公開されるアドレスで)",
	UploadCut:         "アップロードが途中で切れました。何も書き込んでいません",
	UploadFailed:      "保存できませんでした。何も変わっていません。もう一度お試しください",
	UploadStopping:    "停止中のため、アップロードは取り込まれませんでした。何も変わっていません。再開後にもう一度送ってください",
	UploadsOff:        "このサイトはアップロード(Titan)を受け付けていません",

	ProblemNotADate:       "フロントマター: {key} の「{value}」は日付として読めません。2017-05-03、2017-05-03 09:30、2017-05-03T09:30:00+09:00 のように書いてください",
	ProblemTrueOrFalse:    "フロントマター: {key} は true か false にしてください(例: {example})",
	ProblemUnclosedString: "フロントマター: 引用符で始めた文字列が、その行で閉じていません。行の終わりに同じ引用符を書いてください",
	ProblemUnclosedList:   "フロントマター: リスト([…])が閉じていません。項目をカンマで区切り、最後に ] を書いてください(例: {example})",
	ProblemYAMLColon:      "フロントマター: 値の中に「: 」があるか、字下げがずれています。「: 」を含む値は \"…\" で囲んでください",
	ProblemYAMLTab:        "フロントマター: YAML の字下げにタブは使えません。スペースで字下げしてください",
	ProblemYAMLQuote:      "フロントマター: この値は \"…\" で囲んでください(例: {example})",
	ProblemYAMLInTOML:     "フロントマター: 「{key}: …」は YAML の書き方ですが、\"+++\" で始まるのは TOML のフロントマターです。{key} = \"…\" と書くか、前後を \"---\" の行にしてください",
	ProblemNotTOMLValue:   "フロントマター: 値「{value}」は TOML として読めません。文字は \"…\" で囲んでください(title = \"…\")。日付は 2017-05-03、リストは [\"a\", \"b\"] です",
	ProblemNotClosed:      "フロントマターが閉じていません。このあとに {delim} の行がありません",
	ProblemNoFrontMatter:  "フロントマターがありません。ファイルの先頭に、\"+++\" の行ではさんだ TOML か、\"---\" の行ではさんだ YAML のフロントマターを書いてください",
	ProblemNotUTF8:        "フロントマター: UTF-8 の文字ではありません。ファイルを UTF-8 で保存してください",
	ProblemFrontMatter:    "フロントマターを読めません: {detail}",
	LeavesGopher:          "このリンクは Gopher の外へ出ます:",
	NotRedirected:         "このサーバーが転送するのは http・https・gemini・gopher・mailto の URL だけです。次の URL へは転送しません:",
	RedirectTitle:         "転送",
	RefusedTitle:          "転送しません",
}

// SimplifiedChinese is the table of a site in Chinese written in
// simplified characters (zh, zh-CN, zh-SG, zh-Hans…): the words of
// mainland Chinese blogs (归档, 链接, 文件, 服务器), “” quotes.
var SimplifiedChinese = Messages{
	Tags:     "标签",
	Archive:  "归档",
	Search:   "搜索",
	AtomFeed: "Atom 订阅",
	Posts:    "文章",
	NoPosts:  "还没有文章。",
	Home:     "首页：{site}",

	TagsHeading:    "全部标签：{site}",
	NoTags:         "还没有带标签的文章。",
	TagFeed:        "本标签的 Atom 订阅",
	ArchiveHeading: "归档：{site}",

	TagsLabel:      "标签",
	ImageLabel:     "图片",
	VideoLabel:     "视频",
	AudioLabel:     "音频",
	EmbedLabel:     "嵌入页面",
	AlertNote:      "备注",
	AlertTip:       "提示",
	AlertImportant: "重要",
	AlertWarning:   "警告",
	AlertCaution:   "注意",
	Read:           "阅读全文：{title}",
	PostLinks:      "文中链接：",
	MenuPointer:    "文中链接、标签及前后文章，请见这个 gopher 菜单：",
	LynxHint:       "Lynx 用户请用 lynx -assume_charset=utf-8 打开，中文才能正常显示。",

	SearchPrompt:      "搜索文章",
	SearchHeading:     "搜索：{query}",
	SearchAgain:       "重新搜索",
	SearchNone:        "没有包含“{query}”的文章。",
	SearchFound:       "包含“{query}”的文章：{count} 篇",
	SearchMore:        "包含“{query}”的文章中最新的 {count} 篇：",
	SearchStopped:     "包含“{query}”的文章：{count} 篇（搜索提前结束，可能还有更多）",
	SearchStoppedNone: "搜索提前结束，没有找到包含“{query}”的文章。请换个长一点的词试试。",
	SearchTooLong:     "搜索词过长，最多 {max} 个字符",
	SearchBadEncoding: "搜索词的百分号编码有误",
	NotFound:          "找不到页面",
	SlowDown:          "请求过于频繁，请过几秒再试",
	WrongHost:         "本服务器是 {url}",
	Drafts:            "草稿",
	NoDrafts:          "没有草稿。",
	DraftMark:         "草稿（未发布）",
	DraftSectionMark:  "草稿（未发布）：所在栏目 {section} 是草稿，本页的 draft: false 不起作用",
	ExpiredMark:       "已过期（停止发布）",
	ScheduledMark:     "定时发布 · 将于 {time} 发布",
	AuthorCertificate: "需要作者的客户端证书",
	NotAuthor:         "此证书不属于作者",
	Sources:           "源文件（可用 Titan 编辑）",
	UploadRefused:     "{file} 未被接受，仍保留原来的版本：{problem}",
	UploadRefusedNew:  "{file} 未被接受：{problem}",
	Deleted:           "已删除：{file}",
	DeletedText:       "以下是删除的原文（服务器的历史记录中也有保留）。要恢复，请将它重新上传到同一地址。",
	UploadNotServed:   "{file} 所在的位置不会公开，因此未被接受",
	UploadTooLarge:    "文件过大：最多 {max} 字节",
	UploadPath:        "既不是文章的源文件，也不是文章附带的文件：{path} （文章的源文件是 /posts/<slug>.md，列在 /drafts/ 的“源文件”下；附带的文件用它在文章文件夹中的公开地址）",
	UploadCut:         "上传中途中断，没有写入任何内容",
	UploadFailed:      "保存失败，没有任何改动，请重试",
	UploadStopping:    "服务正在停止，未接受这次上传，没有任何改动。请在服务恢复后重新发送",
	UploadsOff:        "本站不接受上传（Titan）",

	ProblemNotADate:       "Front Matter：{key} 的值“{value}”不是日期。请写成 2017-05-03、2017-05-03 09:30 或 2017-05-03T09:30:00+09:00",
	ProblemTrueOrFalse:    "Front Matter：{key} 只能是 true 或 false（例如 {example}）",
	ProblemUnclosedString: "Front Matter：以引号开头的字符串没有在这一行结束。请在行末加上同样的引号",
	ProblemUnclosedList:   "Front Matter：列表（[…]）没有闭合。请用逗号分隔各项，并以 ] 结尾（例如 {example}）",
	ProblemYAMLColon:      "Front Matter：某个值中含有“: ”，或某一行的缩进有误。含有“: ”的值请用 \"…\" 括起来",
	ProblemYAMLTab:        "Front Matter：YAML 的缩进不能用 Tab，请用空格缩进",
	ProblemYAMLQuote:      "Front Matter：请用 \"…\" 把这个值括起来（例如 {example}）",
	ProblemYAMLInTOML:     "Front Matter：“{key}: …”是 YAML 的写法，但以 \"+++\" 开头的是 TOML 格式的 Front Matter。请写成 {key} = \"…\"，或把前后两行改为 \"---\"",
	ProblemNotTOMLValue:   "Front Matter：值“{value}”不是 TOML。文字请用 \"…\" 括起来（title = \"…\"），日期写作 2017-05-03，列表写作 [\"a\", \"b\"]",
	ProblemNotClosed:      "Front Matter 没有结束：这一行之后没有 {delim} 行",
	ProblemNoFrontMatter:  "缺少 Front Matter：文件开头必须是用两行 \"+++\" 括起的 TOML，或用两行 \"---\" 括起的 YAML",
	ProblemNotUTF8:        "Front Matter：文本不是 UTF-8 编码，请把文件另存为 UTF-8",
	ProblemFrontMatter:    "无法读取 Front Matter：{detail}",
	LeavesGopher:          "此链接将离开 Gopher：",
	NotRedirected:         "本服务器只跳转到 http、https、gemini、gopher 和 mailto 地址，不会跳转到：",
	RedirectTitle:         "跳转",
	RefusedTitle:          "不跳转",
}

// TraditionalChinese is the table of a site in Chinese written in
// traditional characters (zh-TW, zh-HK, zh-MO, zh-Hant…): the words of
// Taiwanese blogs (搜尋, 連結, 檔案, 伺服器), 「」 quotes.
var TraditionalChinese = Messages{
	Tags:     "標籤",
	Archive:  "歸檔",
	Search:   "搜尋",
	AtomFeed: "Atom 訂閱",
	Posts:    "文章",
	NoPosts:  "還沒有文章。",
	Home:     "首頁：{site}",

	TagsHeading:    "全部標籤：{site}",
	NoTags:         "還沒有加上標籤的文章。",
	TagFeed:        "本標籤的 Atom 訂閱",
	ArchiveHeading: "歸檔：{site}",

	TagsLabel:      "標籤",
	ImageLabel:     "圖片",
	VideoLabel:     "影片",
	AudioLabel:     "音訊",
	EmbedLabel:     "內嵌網頁",
	AlertNote:      "備註",
	AlertTip:       "提示",
	AlertImportant: "重要",
	AlertWarning:   "警告",
	AlertCaution:   "注意",
	Read:           "閱讀全文：{title}",
	PostLinks:      "文中連結：",
	MenuPointer:    "文中連結、標籤及前後文章，請見這個 gopher 選單：",
	LynxHint:       "Lynx 使用者請用 lynx -assume_charset=utf-8 開啟，中文才能正常顯示。",

	SearchPrompt:      "搜尋文章",
	SearchHeading:     "搜尋：{query}",
	SearchAgain:       "重新搜尋",
	SearchNone:        "沒有包含「{query}」的文章。",
	SearchFound:       "包含「{query}」的文章：{count} 篇",
	SearchMore:        "包含「{query}」的文章中最新的 {count} 篇：",
	SearchStopped:     "包含「{query}」的文章：{count} 篇（搜尋提前結束，可能還有更多）",
	SearchStoppedNone: "搜尋提前結束，沒有找到包含「{query}」的文章。請換個長一點的詞試試。",
	SearchTooLong:     "搜尋詞過長，最多 {max} 個字元",
	SearchBadEncoding: "搜尋詞的百分號編碼有誤",
	NotFound:          "找不到頁面",
	SlowDown:          "請求過於頻繁，請過幾秒再試",
	WrongHost:         "本伺服器是 {url}",
	Drafts:            "草稿",
	NoDrafts:          "沒有草稿。",
	DraftMark:         "草稿（未發布）",
	DraftSectionMark:  "草稿（未發布）：所在欄目 {section} 是草稿，本頁的 draft: false 不起作用",
	ExpiredMark:       "已過期（停止發布）",
	ScheduledMark:     "排程發布 · 將於 {time} 發布",
	AuthorCertificate: "需要作者的用戶端憑證",
	NotAuthor:         "此憑證不屬於作者",
	Sources:           "原始檔（可用 Titan 編輯）",
	UploadRefused:     "{file} 未被接受，仍保留原來的版本：{problem}",
	UploadRefusedNew:  "{file} 未被接受：{problem}",
	Deleted:           "已刪除：{file}",
	DeletedText:       "以下是刪除的原文（伺服器的歷史紀錄中也有保留）。如要復原，請將它重新上傳到同一網址。",
	UploadNotServed:   "{file} 所在的位置不會公開，因此未被接受",
	UploadTooLarge:    "檔案過大：最多 {max} 位元組",
	UploadPath:        "既不是文章的原始檔，也不是文章附帶的檔案：{path} （文章的原始檔是 /posts/<slug>.md，列在 /drafts/ 的「原始檔」下；附帶的檔案用它在文章資料夾中的公開網址）",
	UploadCut:         "上傳中途中斷，沒有寫入任何內容",
	UploadFailed:      "儲存失敗，沒有任何變更，請再試一次",
	UploadStopping:    "服務正在停止，未接受這次上傳，沒有任何變更。請在服務恢復後重新傳送",
	UploadsOff:        "本站不接受上傳（Titan）",

	ProblemNotADate:       "Front Matter：{key} 的值「{value}」不是日期。請寫成 2017-05-03、2017-05-03 09:30 或 2017-05-03T09:30:00+09:00",
	ProblemTrueOrFalse:    "Front Matter：{key} 只能是 true 或 false（例如 {example}）",
	ProblemUnclosedString: "Front Matter：以引號開頭的字串沒有在這一行結束。請在行尾加上同樣的引號",
	ProblemUnclosedList:   "Front Matter：清單（[…]）沒有閉合。請用逗號分隔各項，並以 ] 結尾（例如 {example}）",
	ProblemYAMLColon:      "Front Matter：某個值中含有「: 」，或某一行的縮排有誤。含有「: 」的值請用 \"…\" 括起來",
	ProblemYAMLTab:        "Front Matter：YAML 的縮排不能用 Tab，請用空格縮排",
	ProblemYAMLQuote:      "Front Matter：請用 \"…\" 把這個值括起來（例如 {example}）",
	ProblemYAMLInTOML:     "Front Matter：「{key}: …」是 YAML 的寫法，但以 \"+++\" 開頭的是 TOML 格式的 Front Matter。請寫成 {key} = \"…\"，或把前後兩行改為 \"---\"",
	ProblemNotTOMLValue:   "Front Matter：值「{value}」不是 TOML。文字請用 \"…\" 括起來（title = \"…\"），日期寫作 2017-05-03，清單寫作 [\"a\", \"b\"]",
	ProblemNotClosed:      "Front Matter 沒有結束：這一行之後沒有 {delim} 行",
	ProblemNoFrontMatter:  "缺少 Front Matter：檔案開頭必須是用兩行 \"+++\" 括起的 TOML，或用兩行 \"---\" 括起的 YAML",
	ProblemNotUTF8:        "Front Matter：文字不是 UTF-8 編碼，請把檔案另存為 UTF-8",
	ProblemFrontMatter:    "無法讀取 Front Matter：{detail}",
	LeavesGopher:          "此連結將離開 Gopher：",
	NotRedirected:         "本伺服器只會轉址到 http、https、gemini、gopher 和 mailto 網址，不會轉址到：",
	RedirectTitle:         "轉址",
	RefusedTitle:          "不轉址",
}

// Korean is the table of a site whose lang is ko (ko-KR…): the words of
// Korean blogs and their Jekyll themes (태그, 아카이브, 검색, 글), polite
// -습니다 endings, “” quotes; a placeholder is never followed by a
// particle that would have to agree with it (이/가, 을/를).
var Korean = Messages{
	Tags:     "태그",
	Archive:  "아카이브",
	Search:   "검색",
	AtomFeed: "Atom 피드",
	Posts:    "글 목록",
	NoPosts:  "아직 글이 없습니다.",
	Home:     "홈: {site}",

	TagsHeading:    "태그 목록: {site}",
	NoTags:         "아직 태그가 달린 글이 없습니다.",
	TagFeed:        "이 태그의 Atom 피드",
	ArchiveHeading: "아카이브: {site}",

	TagsLabel:      "태그",
	ImageLabel:     "이미지",
	VideoLabel:     "동영상",
	AudioLabel:     "오디오",
	EmbedLabel:     "삽입된 페이지",
	AlertNote:      "참고",
	AlertTip:       "팁",
	AlertImportant: "중요",
	AlertWarning:   "경고",
	AlertCaution:   "주의",
	Read:           "본문 읽기: {title}",
	PostLinks:      "이 글의 링크:",
	MenuPointer:    "링크, 태그, 이전 글과 다음 글은 이 gopher 메뉴에서 볼 수 있습니다:",
	LynxHint:       "Lynx는 lynx -assume_charset=utf-8 로 열어야 한글이 보입니다.",

	SearchPrompt:      "글 검색",
	SearchHeading:     "검색: {query}",
	SearchAgain:       "다시 검색",
	SearchNone:        "“{query}”에 대한 검색 결과가 없습니다.",
	SearchFound:       "“{query}” 검색 결과: {count}건",
	SearchMore:        "“{query}” 검색 결과 중 최신 {count}건:",
	SearchStopped:     "“{query}” 검색 결과: {count}건 (검색을 도중에 멈췄으므로 더 있을 수 있습니다)",
	SearchStoppedNone: "검색을 멈추기 전까지 “{query}”에 대한 결과를 찾지 못했습니다. 더 긴 문구로 검색해 보세요.",
	SearchTooLong:     "검색어가 너무 깁니다. {max}자 이내로 입력해 주세요",
	SearchBadEncoding: "검색어의 퍼센트 인코딩이 올바르지 않습니다",
	NotFound:          "페이지를 찾을 수 없습니다",
	SlowDown:          "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요",
	WrongHost:         "이 서버의 주소는 {url} 입니다",
	Drafts:            "초안",
	NoDrafts:          "초안이 없습니다.",
	DraftMark:         "초안 (미공개)",
	DraftSectionMark:  "초안 (미공개): 섹션 {section} 자체가 초안이므로 이 페이지의 draft: false는 적용되지 않습니다",
	ExpiredMark:       "게시 종료 (기한 만료)",
	ScheduledMark:     "예약 발행 · {time}에 공개",
	AuthorCertificate: "작성자의 클라이언트 인증서가 필요합니다",
	NotAuthor:         "작성자의 인증서가 아닙니다",
	Sources:           "원본 파일 (Titan으로 편집할 수 있습니다)",
	UploadRefused:     "{file} 파일을 받지 않았습니다. 이전 버전이 그대로 남아 있습니다: {problem}",
	UploadRefusedNew:  "{file} 파일을 받지 않았습니다: {problem}",
	Deleted:           "삭제했습니다: {file}",
	DeletedText:       "삭제한 원본을 아래에 싣습니다(서버의 기록에도 남아 있습니다). 되돌리려면 같은 주소로 다시 업로드하세요.",
	UploadNotServed:   "{file} 파일은 공개되지 않는 위치에 있어 받지 않았습니다",
	UploadTooLarge:    "파일이 너무 큽니다. 최대 {max}바이트까지입니다",
	UploadPath:        "글의 원본 파일도, 글에 딸린 파일도 아닙니다: {path} (글의 원본 파일은 /posts/<slug>.md 이며 /drafts/ 의 ‘원본 파일’ 목록에 있습니다. 딸린 파일은 글 폴더 안에서 공개되는 주소로 올리세요)",
	UploadCut:         "업로드가 도중에 끊겼습니다. 아무것도 저장하지 않았습니다",
	UploadFailed:      "저장하지 못했습니다. 바뀐 것은 없습니다. 다시 시도해 주세요",
	UploadStopping:    "서버가 멈추는 중이라 업로드를 받지 않았습니다. 바뀐 것은 없습니다. 서버가 다시 시작된 뒤에 보내 주세요",
	UploadsOff:        "이 사이트는 업로드(Titan)를 받지 않습니다",

	ProblemNotADate:       "Front Matter: 날짜로 읽을 수 없는 {key} 값입니다: “{value}”. 2017-05-03, 2017-05-03 09:30, 2017-05-03T09:30:00+09:00 처럼 써 주세요",
	ProblemTrueOrFalse:    "Front Matter: {key} 값은 true 또는 false여야 합니다 (예: {example})",
	ProblemUnclosedString: "Front Matter: 따옴표로 시작한 문자열이 그 줄에서 닫히지 않았습니다. 줄 끝에 같은 따옴표를 붙여 주세요",
	ProblemUnclosedList:   "Front Matter: 목록([…])이 닫히지 않았습니다. 항목을 쉼표로 구분하고 끝에 ]를 써 주세요 (예: {example})",
	ProblemYAMLColon:      "Front Matter: 값 안에 “: ”가 있거나 들여쓰기가 잘못되었습니다. “: ”가 들어간 값은 \"…\"로 감싸 주세요",
	ProblemYAMLTab:        "Front Matter: YAML 들여쓰기에는 탭을 쓸 수 없습니다. 공백으로 들여쓰기해 주세요",
	ProblemYAMLQuote:      "Front Matter: 이 값은 \"…\"로 감싸 주세요 (예: {example})",
	ProblemYAMLInTOML:     "Front Matter: “{key}: …”는 YAML 문법인데, \"+++\"로 시작하는 것은 TOML Front Matter입니다. {key} = \"…\"로 쓰거나, 앞뒤 줄을 \"---\"로 바꿔 주세요",
	ProblemNotTOMLValue:   "Front Matter: TOML로 읽을 수 없는 값입니다: “{value}”. 문자열은 \"…\"로 감싸고(title = \"…\"), 날짜는 2017-05-03, 목록은 [\"a\", \"b\"]처럼 씁니다",
	ProblemNotClosed:      "Front Matter가 닫히지 않았습니다. 이 줄 다음에 {delim} 줄이 없습니다",
	ProblemNoFrontMatter:  "Front Matter가 없습니다. 파일 맨 앞에 \"+++\" 두 줄 사이의 TOML이나 \"---\" 두 줄 사이의 YAML로 Front Matter를 써 주세요",
	ProblemNotUTF8:        "Front Matter: UTF-8 텍스트가 아닙니다. 파일을 UTF-8로 저장해 주세요",
	ProblemFrontMatter:    "Front Matter를 읽을 수 없습니다: {detail}",
	LeavesGopher:          "이 링크는 Gopher 밖으로 나갑니다:",
	NotRedirected:         "이 서버는 http, https, gemini, gopher, mailto 주소로만 리디렉션합니다. 다음 주소로는 리디렉션하지 않습니다:",
	RedirectTitle:         "리디렉션",
	RefusedTitle:          "리디렉션하지 않음",
}

// Spanish is the table of a site whose lang is es (es-ES, es-MX,
// es-419…): the words of Spanish blogs and their Jekyll themes
// (Etiquetas, Archivo, Buscar, Entradas), forms every Spanish reader
// shares (Video, not Spain's Vídeo), «» quotes as the RAE writes them,
// tú, as Spanish web interfaces address their readers.
var Spanish = Messages{
	Tags:     "Etiquetas",
	Archive:  "Archivo",
	Search:   "Buscar",
	AtomFeed: "Feed Atom",
	Posts:    "Entradas",
	NoPosts:  "Todavía no hay entradas.",
	Home:     "Inicio: {site}",

	TagsHeading:    "Etiquetas: {site}",
	NoTags:         "Todavía ninguna entrada tiene etiquetas.",
	TagFeed:        "Feed Atom de esta etiqueta",
	ArchiveHeading: "Archivo: {site}",

	TagsLabel:      "Etiquetas",
	ImageLabel:     "imagen",
	VideoLabel:     "Video",
	AudioLabel:     "Audio",
	EmbedLabel:     "Página incrustada",
	AlertNote:      "Nota",
	AlertTip:       "Sugerencia",
	AlertImportant: "Importante",
	AlertWarning:   "Advertencia",
	AlertCaution:   "Precaución",
	Read:           "Leer: {title}",
	PostLinks:      "Enlaces de esta entrada:",
	MenuPointer:    "Enlaces, etiquetas y otras entradas, en un menú gopher:",
	LynxHint:       "Lynx: usa lynx -assume_charset=utf-8 para ver bien los acentos.",

	SearchPrompt:      "Buscar en las entradas",
	SearchHeading:     "Búsqueda: {query}",
	SearchAgain:       "Buscar de nuevo",
	SearchNone:        "Ninguna entrada contiene «{query}».",
	SearchFound:       "Entradas que contienen «{query}»: {count}",
	SearchMore:        "Entradas que contienen «{query}», las {count} más recientes:",
	SearchStopped:     "Entradas que contienen «{query}» (la búsqueda se detuvo antes de terminar, puede haber más): {count}",
	SearchStoppedNone: "No se encontró ninguna entrada con «{query}» antes de que se detuviera la búsqueda: prueba con una frase más larga.",
	SearchTooLong:     "Búsqueda demasiado larga: {max} caracteres como máximo",
	SearchBadEncoding: "Codificación porcentual incorrecta en la búsqueda",
	NotFound:          "Página no encontrada",
	SlowDown:          "Demasiadas solicitudes: espera unos segundos y vuelve a intentarlo",
	WrongHost:         "Este servidor es {url}",
	Drafts:            "Borradores",
	NoDrafts:          "No hay borradores.",
	DraftMark:         "Borrador, sin publicar",
	DraftSectionMark:  "Borrador, sin publicar: su sección {section} es un borrador, y eso anula su draft: false",
	ExpiredMark:       "Caducada, ya no se publica",
	ScheduledMark:     "Programada · se publica el {time}",
	AuthorCertificate: "Se necesita el certificado de cliente del autor",
	NotAuthor:         "Este certificado no es de ningún autor",
	Sources:           "Archivos fuente (edítalos con Titan)",
	UploadRefused:     "{file} no se aceptó, se mantiene su versión anterior: {problem}",
	UploadRefusedNew:  "{file} no se aceptó: {problem}",
	Deleted:           "Eliminado: {file}",
	DeletedText:       "Su texto está abajo y queda en el historial del servidor: para recuperarlo, vuelve a subirlo a la misma dirección.",
	UploadNotServed:   "{file} no se publicaría: no se aceptó",
	UploadTooLarge:    "Demasiado grande: {max} bytes como máximo",
	UploadPath:        "No es el archivo fuente de una entrada ni un archivo junto a una entrada: {path} (el de una entrada es /posts/<slug>.md, como aparece en «Archivos fuente» en /drafts/; el de un archivo, la dirección en la que se sirve, en la carpeta de una entrada)",
	UploadCut:         "La subida se cortó antes de completarse: no se escribió nada",
	UploadFailed:      "No se pudo guardar la subida: no cambió nada, inténtalo de nuevo",
	UploadStopping:    "El servidor se está deteniendo: la subida no se aceptó y no cambió nada; vuelve a enviarla cuando la cápsula esté de nuevo en marcha",
	UploadsOff:        "Aquí no se aceptan subidas (Titan)",

	ProblemNotADate:       "front matter: {key} «{value}» no es una fecha: escribe 2017-05-03, 2017-05-03 09:30 o 2017-05-03T09:30:00+09:00",
	ProblemTrueOrFalse:    "front matter: {key} debe ser true o false, p. ej. {example}",
	ProblemUnclosedString: "front matter: una cadena abierta con comillas no se cierra en su línea: ciérrala con las mismas comillas",
	ProblemUnclosedList:   "front matter: una lista ([…]) no está cerrada: separa sus elementos con comas y ciérrala con ], p. ej. {example}",
	ProblemYAMLColon:      `front matter: un valor contiene ": ", o una línea tiene una sangría que no le corresponde: pon ese valor entre comillas ("…")`,
	ProblemYAMLTab:        "front matter: un tabulador donde YAML solo admite espacios: usa espacios para la sangría",
	ProblemYAMLQuote:      "front matter: pon este valor entre comillas, p. ej. {example}",
	ProblemYAMLInTOML:     `front matter: "{key}: …" es YAML, pero "+++" abre un front matter TOML: escribe {key} = "…", o abre y cierra el front matter con líneas "---"`,
	ProblemNotTOMLValue:   `front matter: el valor "{value}" no es TOML: pon el texto entre comillas (title = "…"); una fecha es 2017-05-03, una lista ["a", "b"]`,
	ProblemNotClosed:      "el front matter no está cerrado: no hay ninguna línea {delim} después de esta",
	ProblemNoFrontMatter:  `falta el front matter: el archivo debe empezar con un front matter entre dos líneas "+++" (TOML) o dos líneas "---" (YAML)`,
	ProblemNotUTF8:        "front matter: el texto no está en UTF-8: guarda el archivo como UTF-8",
	ProblemFrontMatter:    "no se puede leer el front matter: {detail}",
	LeavesGopher:          "Este enlace sale de Gopher:",
	NotRedirected:         "Este servidor solo redirige a direcciones http, https, gemini, gopher y mailto, no a:",
	RedirectTitle:         "Redirección",
	RefusedTitle:          "Sin redirección",
}

// Builtin are the built-in tables by their languages' English names,
// English first: the README's table has a column for each (Table).
var Builtin = []struct {
	Name     string
	Messages Messages
}{{"English", English}, {"Japanese", Japanese}, {"Simplified Chinese", SimplifiedChinese}, {"Traditional Chinese", TraditionalChinese},
	{"Korean", Korean}, {"Spanish", Spanish}}

// For returns the table for a language tag (BCP 47, case and "_" or "-"
// as sites write them): Japanese for "ja" and its regional forms
// ("ja-JP"); for Chinese, the characters a reader of the tag expects:
// zh and Mandarin (cmn, zh-cmn) in Traditional Chinese when the tag says
// the script (zh-Hant, cmn-Hant-TW) or else a region that writes it
// (zh-TW, zh-HK, zh-MO), Simplified Chinese otherwise (zh, zh_CN, zh-SG,
// cmn, cmn-Hans); Cantonese (yue, zh-yue, yue-HK) and Literary Chinese
// (lzh), written in traditional characters, in Traditional Chinese
// unless the tag says Hans (yue-Hans, as Cantonese is written in
// Guangdong); Korean for "ko" and its regional forms ("ko-KR",
// "ko-KP"); Spanish for "es" and its regional forms ("es-ES", "es-MX",
// "es-419"); English for any other.
func For(lang string) Messages {
	subtags := strings.Split(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(lang)), "_", "-"), "-")
	if subtags[0] == "zh" && len(subtags) > 1 {
		switch subtags[1] { // an extended language subtag: zh-yue, zh-cmn
		case "yue", "lzh", "cmn":
			subtags = subtags[1:]
		}
	}
	switch subtags[0] {
	case "ja":
		return Japanese
	case "ko":
		return Korean
	case "es":
		return Spanish
	case "zh", "cmn":
		if traditional(subtags[1:]) {
			return TraditionalChinese
		}
		return SimplifiedChinese
	case "yue", "lzh":
		if slices.Contains(subtags[1:], "hans") {
			return SimplifiedChinese
		}
		return TraditionalChinese
	}
	return English
}

// traditional reports whether the subtags after zh's say traditional
// characters: the script's (hant, hans) decides, else the region's.
func traditional(subtags []string) bool {
	for _, s := range subtags {
		switch s {
		case "hant":
			return true
		case "hans":
			return false
		}
	}
	for _, s := range subtags {
		switch s {
		case "tw", "hk", "mo":
			return true
		}
	}
	return false
}

// Keys lists the names by which messages are overridden, in table order.
func Keys() []string {
	t := reflect.TypeFor[Messages]()
	keys := make([]string, t.NumField())
	for i := range keys {
		keys[i] = t.Field(i).Tag.Get("toml")
	}
	return keys
}

// Get returns the message named key (its TOML name).
func (m Messages) Get(key string) (string, bool) {
	v := reflect.ValueOf(m)
	for i, f := range reflect.VisibleFields(v.Type()) {
		if f.Tag.Get("toml") == key {
			return v.Field(i).String(), true
		}
	}
	return "", false
}

// Override replaces the messages named in overrides (by their TOML names).
// An unknown name is an error that lists the known ones.
func (m Messages) Override(overrides map[string]string) (Messages, error) {
	v := reflect.ValueOf(&m).Elem()
	t := v.Type()
	for name, text := range overrides {
		i := slices.IndexFunc(reflect.VisibleFields(t), func(f reflect.StructField) bool { return f.Tag.Get("toml") == name })
		if i < 0 {
			return m, fmt.Errorf("unknown message %q (known: %s)", name, strings.Join(Keys(), ", "))
		}
		v.Field(i).SetString(text)
	}
	return m, nil
}

// Changed returns the messages of m that are not those of from, by their
// TOML names: what overrides made of a table.
func (m Messages) Changed(from Messages) map[string]string {
	mv, fv := reflect.ValueOf(m), reflect.ValueOf(from)
	changed := map[string]string{}
	for i, f := range reflect.VisibleFields(mv.Type()) {
		if s := mv.Field(i).String(); s != fv.Field(i).String() {
			changed[f.Tag.Get("toml")] = s
		}
	}
	return changed
}

// Format fills the placeholders of msg: pairs are name, value, name,
// value… ("site", "Keep Smiling").
func Format(msg string, pairs ...string) string {
	if !strings.Contains(msg, "{") {
		return msg
	}
	// As strings.NewReplacer would (left to right, the first pair that
	// matches at a place wins, no overlaps), without building one for
	// each message: every post's menu formats a few.
	var b strings.Builder
	b.Grow(len(msg) + 32)
	for i := 0; i < len(msg); {
		j := strings.IndexByte(msg[i:], '{')
		if j < 0 {
			b.WriteString(msg[i:])
			break
		}
		b.WriteString(msg[i : i+j])
		i += j
		matched := false
		for k := 0; k+1 < len(pairs); k += 2 {
			name := pairs[k]
			if rest := msg[i+1:]; len(rest) > len(name) && rest[len(name)] == '}' && rest[:len(name)] == name {
				b.WriteString(pairs[k+1])
				i += len(name) + 2
				matched = true
				break
			}
		}
		if !matched {
			b.WriteByte('{')
			i++
		}
	}
	return b.String()
}
