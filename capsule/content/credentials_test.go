package content

import "testing"

// Lines that set a credential are told from those that name one, leave it
// empty, or take it from the environment; only configuration files are
// looked through.
func TestCredentialKey(t *testing.T) {
	for _, c := range []struct{ path, data, want string }{
		{"config.toml", "[mail]\npassword = \"hunter2\"\n", "password"},
		{"a.yaml", "db:\n  DB_PASSWORD: s3cret # the old one\n", "DB_PASSWORD"},
		{"app.json", "{\n  \"apiKey\": \"AIza\",\n}", "apiKey"},
		{"one.json", `{"name":"x","password":"hunter2"}`, "password"},
		{"one.json", `{"password":null,"token": "", "secret": "${S}", "passwords": "x"}`, ""},
		{"one.json", `{"title": "password: x", "client_secret" : 12345}`, "client_secret"},
		{"x.ini", "; note\naws_secret_access_key=abc\n", "aws_secret_access_key"},
		{".env.production", "export SECRET_KEY='x'\n", ""}, // a dot file: never read at all
		{"p.properties", "client-secret: abc\n", "client-secret"},
		{"params.toml", "clientSecret = \"\"       # Your client secret\n", ""},
		{"a.yml", "password: ${SMTP_PASSWORD}\ntoken: \"{{ env.TOKEN }}\"\n", ""},
		{"a.yml", "password:\n  file: /run/secret\n", ""},
		{"a.toml", "password_file = \"/run/secret\"\ntokens = 3\n", ""},
		{"a.toml", "# password = \"old\"\n", ""},
		{"notes.txt", "password = hunter2\n", ""},
		{"Rakefile", "token:ENV['TOKEN']\n", ""},
		{"a.toml", "title = \"password: x\"\n", ""},
	} {
		if got := credentialKey(c.path, []byte(c.data)); got != c.want {
			t.Errorf("%s %q: %q, want %q", c.path, c.data, got, c.want)
		}
	}
}
