package figures

import "testing"

func TestParseDates(t *testing.T) {
	tests := []struct{ in, ref, text, date string }{
		{"Putin arrived on June 18.", "2024-06-19", "June 18", "2024-06-18"},
		{"It was signed on June 19, 2024.", "", "June 19, 2024", "2024-06-19"},
		{"They met on 20 June 2024.", "", "20 June 2024", "2024-06-20"},
		{"Shipments began last September.", "2024-06-19", "last September", "2023-09"},
		{"Shipments began last August.", "2024-06-19", "last August", "2023-08"},
		{"It will end next March.", "2024-06-19", "next March", "2025-03"},
		{"They talked on Tuesday.", "2024-06-19", "Tuesday", "2024-06-18"},
		{"They will talk next Friday.", "2024-06-19", "next Friday", "2024-06-21"},
		{"He left yesterday.", "2024-06-19", "yesterday", "2024-06-18"},
		{"Trade fell last year.", "2024-06-19", "last year", "2023"},
		{"The treaty of 2000 lapsed.", "", "2000", "2000"},
		{"It happened in 2023.", "", "2023", "2023"},
		{"The train left at 10:37 a.m.", "", "10:37 a.m.", "T10:37"},
		{"It ended at 6:12 PM EDT.", "", "6:12 PM EDT", "T18:12"},
		{"Posted 2024-06-19T10:38:07Z by staff", "", "2024-06-19T10:38:07Z", "2024-06-19"},
		{"Status: 18.06.2024 09:55", "", "18.06.2024 09:55", "2024-06-18"},
		{"2024/06/19 11:02 KST", "", "2024/06/19 11:02 KST", "2024-06-19"},
		{"on 6/18/2024", "", "6/18/2024", "2024-06-18"},
		{"in the 1990s", "", "1990s", "199"},
		{"the 2019-20 season", "", "2019-20", "2019/2020"},
		{"between 2014 and 2017", "", "2014 and 2017", "2014/2017"},
		{"by mid-2025", "", "mid-2025", "2025"},
		{"Sept. 20-24 hunt", "2024-06-19", "Sept. 20-24", "2024-09-20"},
		{"On June 18 he wrote.", "", "June 18", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ds, err := ParseDates(tt.in, tt.ref)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				if d.Text == tt.text {
					if d.Date != tt.date {
						t.Errorf("ParseDates(%q, %q): %q = %q, want %q", tt.in, tt.ref, d.Text, d.Date, tt.date)
					}
					return
				}
			}
			t.Errorf("ParseDates(%q, %q) = %+v, want %q", tt.in, tt.ref, ds, tt.text)
		})
	}
}
