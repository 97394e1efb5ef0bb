package main

import (
	"testing"

	"github.com/spf13/pflag"
)

// load.store_text defaults to true (document text stored); the flag
// --store-text=false and EDGARLOAD_LOAD_STORE_TEXT=false make a lean load.
func TestConfigStoreText(t *testing.T) {
	none := func(string) string { return "" }
	c, err := loadConfig("", nil, none)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Load.StoreText || c.loadOptions().SkipDocumentText {
		t.Errorf("default: store_text %v, SkipDocumentText %v", c.Load.StoreText, c.loadOptions().SkipDocumentText)
	}
	flags := pflag.NewFlagSet("t", pflag.ContinueOnError)
	flags.Bool("store-text", true, "")
	if err := flags.Parse([]string{"--store-text=false"}); err != nil {
		t.Fatal(err)
	}
	if c, err = loadConfig("", flags, none); err != nil || !c.loadOptions().SkipDocumentText {
		t.Errorf("--store-text=false: SkipDocumentText %v, err %v", c.loadOptions().SkipDocumentText, err)
	}
	env := func(k string) string {
		if k == "EDGARLOAD_LOAD_STORE_TEXT" {
			return "false"
		}
		return ""
	}
	if c, err = loadConfig("", nil, env); err != nil || !c.loadOptions().SkipDocumentText {
		t.Errorf("EDGARLOAD_LOAD_STORE_TEXT=false: SkipDocumentText %v, err %v", c.loadOptions().SkipDocumentText, err)
	}
}
