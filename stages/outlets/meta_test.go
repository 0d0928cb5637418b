package outlets_test

import (
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// TestMetaOutlet covers the forms collectors write an outlet in, and a
// record's web address when it names no outlet.
func TestMetaOutlet(t *testing.T) {
	const body = "Lawmakers met on Tuesday to discuss the budget.\n\nThe vote is expected next week."
	const wire = "WASHINGTON (Reuters) - Lawmakers met on Tuesday to discuss the budget.\n\nThe vote is expected next week."
	tests := []struct {
		name                    string
		text                    string
		meta                    pipeline.Meta
		outlet, evidence, given string
		unmatched               bool
	}{
		{"slug", body, pipeline.Meta{Outlet: "thehuffingtonpost"}, "HuffPost", "meta", "thehuffingtonpost", false},
		{"old name", body, pipeline.Meta{Outlet: "The Huffington Post"}, "HuffPost", "meta", "The Huffington Post", false},
		{"case", body, pipeline.Meta{Outlet: "THE DAILY CALLER"}, "The Daily Caller", "meta", "THE DAILY CALLER", false},
		{"spaces", body, pipeline.Meta{Outlet: "  The   Guardian "}, "The Guardian", "meta", "The Guardian", false},
		{"domain", body, pipeline.Meta{Outlet: "www.theguardian.com"}, "The Guardian", "meta", "www.theguardian.com", false},
		{"address", body, pipeline.Meta{Outlet: "https://www.breitbart.com/politics/x/"}, "Breitbart", "meta", "https://www.breitbart.com/politics/x/", false},
		{"short form", body, pipeline.Meta{Outlet: "nytimes"}, "The New York Times", "meta", "nytimes", false},
		{"configured", body, pipeline.Meta{Outlet: "dailyplanet"}, "Daily Planet", "meta", "dailyplanet", false},
		{"unknown", body, pipeline.Meta{Outlet: "Springfield Shopper"}, "Springfield Shopper", "meta", "Springfield Shopper", true},
		{"unknown address", body, pipeline.Meta{Outlet: "https://www.shopper.example/x"}, "shopper.example", "meta", "https://www.shopper.example/x", true},
		{"meta beats url", body, pipeline.Meta{Outlet: "Fox News", URL: "https://www.cnn.com/x"}, "Fox News", "meta", "Fox News", false},
		{"url", body, pipeline.Meta{URL: "https://www.foxnews.com/politics/x"}, "Fox News", "url", "foxnews.com", false},
		{"url beats text", wire, pipeline.Meta{URL: "https://news.yahoo.com/x.html"}, "Yahoo News", "url", "news.yahoo.com", false},
		{"text beats unknown url", wire, pipeline.Meta{URL: "https://shopper.example/x"}, "Reuters", "dateline", "", false},
		{"unknown url", body, pipeline.Meta{URL: "https://shopper.example/x"}, "shopper.example", "url", "shopper.example", true},
		{"bad url", body, pipeline.Meta{URL: "not a url"}, "unknown", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			us := run(t, tt.text, tt.meta)
			if len(us) != 1 {
				t.Fatalf("%d units, want 1", len(us))
			}
			u := us[0]
			if u.Outlet != tt.outlet || u.Evidence != tt.evidence || u.OutletGiven != tt.given || u.OutletUnmatched != tt.unmatched {
				t.Errorf("outlet, evidence, given, unmatched = %q %q %q %v, want %q %q %q %v", u.Outlet, u.Evidence, u.OutletGiven,
					u.OutletUnmatched, tt.outlet, tt.evidence, tt.given, tt.unmatched)
			}
		})
	}
}
