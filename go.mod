module capsule

go 1.26

require (
	git.mills.io/prologic/go-gopher v0.0.0-20210723054659-c5e856b800b8
	git.sr.ht/~adnano/go-gemini v0.2.6
	github.com/BurntSushi/toml v1.6.0
	github.com/rivo/uniseg v0.4.7
	github.com/yuin/goldmark v1.8.7
)

require (
	golang.org/x/net v0.25.0 // indirect
	golang.org/x/text v0.15.0 // indirect
)
