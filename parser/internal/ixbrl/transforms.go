package ixbrl

import (
	"strconv"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/codes"
)

// isoDate converts a displayed date to YYYY-MM-DD according to its ixt
// format; numeric formats name the order of their fields. It returns "" when
// no date can be read.
func isoDate(format, v string) string {
	if format == "" && isISODate(v) {
		return v
	}
	var order string
	switch format {
	case "date-month-day-year", "datemonthdayyear", "dateslashus", "datedotus":
		order = "mdy"
	case "date-day-month-year", "datedaymonthyear", "dateslasheu", "datedoteu":
		order = "dmy"
	case "date-year-month-day", "dateyearmonthday":
		order = "ymd"
	}
	if order != "" {
		if d := numericDate(order, v); d != "" {
			return d
		}
	}
	if d, ok := codes.FindDate(v); ok {
		return d
	}
	return ""
}

// numericDate reads three digit groups in the given order (m, d, y).
func numericDate(order, v string) string {
	nums := strings.FieldsFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	if len(nums) != 3 {
		return ""
	}
	var y, m, d int
	for i, c := range order {
		n, err := strconv.Atoi(nums[i])
		if err != nil {
			return ""
		}
		switch c {
		case 'y':
			y = n
		case 'm':
			m = n
		case 'd':
			d = n
		}
	}
	if y < 100 {
		y += 2000
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 {
		return ""
	}
	return strconv.Itoa(y) + "-" + pad2(m) + "-" + pad2(d)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// exchangeKeys maps words of an exchange's printed name to its dei code,
// most specific first.
var exchangeKeys = []struct{ key, code string }{
	{"nyse american", "NYSEAMER"}, {"nyse mkt", "NYSEAMER"}, {"nyseamer", "NYSEAMER"},
	{"american stock exchange", "NYSEAMER"}, {"amex", "NYSEAMER"},
	{"arca", "NYSEArca"}, {"nyse national", "NYSENAT"}, {"nysenat", "NYSENAT"},
	{"nyse chicago", "CHX"}, {"chicago stock", "CHX"}, {"chx", "CHX"},
	{"nasdaq bx", "BX"}, {"phlx", "PHLX"}, {"philadelphia", "PHLX"},
	{"nasdaq ise", "ISE"}, {"gemx", "GEMX"}, {"nasdaq mrx", "MRX"},
	{"nasdaq", "NASDAQ"}, {"global select market", "NASDAQ"},
	{"new york stock exchange", "NYSE"}, {"nyse", "NYSE"},
	{"bzx", "CboeBZX"}, {"byx", "CboeBYX"}, {"edgx", "CboeEDGX"}, {"edga", "CboeEDGA"},
	{"c2", "C2"}, {"cboe", "CBOE"}, {"chicago board options", "CBOE"},
	{"investors exchange", "IEX"}, {"iex", "IEX"}, {"long-term stock", "LTSE"}, {"ltse", "LTSE"},
	{"memx", "MEMX"}, {"pearl", "PEARL"}, {"emerald", "EMERALD"}, {"miami international", "MIAX"},
	{"miax", "MIAX"}, {"box", "BOX"},
}

// exchangeCode turns an exchange name as printed on the cover ("The Nasdaq
// Stock Market LLC", "New York Stock Exchange") or already coded ("NYSE")
// into the dei exchange code EDGAR uses. Unknown names are returned as
// given.
func exchangeCode(v string) string {
	low := " " + strings.ToLower(v) + " "
	for _, k := range exchangeKeys {
		if strings.Contains(low, k.key) {
			return k.code
		}
	}
	return v
}
