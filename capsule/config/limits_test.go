package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNetworkCapsAndWriteRate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "capsule.toml")
	src := "[limits]\nmax_conns_per_24 = 100\nmax_conns_per_56 = 32\nmax_conns_per_48 = 128\nmin_write_rate = 1024\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := NewConfig()
	if err := ReadConfigFile(path, &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.MaxConnsPer24 != 100 || cfg.MaxConnsPer56 != 32 || cfg.MaxConnsPer48 != 128 || cfg.MinWriteRate != 1024 {
		t.Errorf("read as %d %d %d %d", cfg.MaxConnsPer24, cfg.MaxConnsPer56, cfg.MaxConnsPer48, cfg.MinWriteRate)
	}
	for name, change := range map[string]func(*Config){
		"max_conns_per_24":       func(c *Config) { c.MaxConnsPer24 = 8 },
		"max_conns_per_56":       func(c *Config) { c.MaxConnsPer56 = 8 },
		"below max_conns_per_56": func(c *Config) { c.MaxConnsPer48 = 32 },
		"negative":               func(c *Config) { c.MaxConnsPer48 = -1 },
		"min_write_rate":         func(c *Config) { c.MinWriteRate = 0 },
	} {
		cfg := NewConfig()
		change(&cfg)
		if err := cfg.Check(); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: Check said %v", name, err)
		}
	}
	cfg = NewConfig()
	cfg.MaxConnsPer24, cfg.MaxConnsPer56, cfg.MaxConnsPer48 = 0, 0, 0 // off
	if err := cfg.Check(); err != nil {
		t.Error(err)
	}
}
