module capsule

go 1.26

require (
	git.mills.io/prologic/go-gopher v0.0.0-20210723054659-c5e856b800b8 // indirect
	git.sr.ht/~adnano/go-gemini v0.2.6 // indirect
	github.com/BurntSushi/toml v1.6.0 // indirect
	github.com/rivo/uniseg v0.4.7 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	golang.org/x/net v0.25.0 // indirect
	golang.org/x/text v0.15.0 // indirect
)
