// Package codes normalizes the coded values EDGAR uses: state and country
// codes of incorporation and addresses, and dates written in prose.
package codes

import (
	"strings"
	"unicode"
)

// stateCodes maps an upper-cased, space-folded US state, territory,
// Canadian province or common country name to its EDGAR location code.
var stateCodes = map[string]string{
	"ALABAMA": "AL", "ALASKA": "AK", "ARIZONA": "AZ", "ARKANSAS": "AR", "CALIFORNIA": "CA",
	"COLORADO": "CO", "CONNECTICUT": "CT", "DELAWARE": "DE", "DISTRICT OF COLUMBIA": "DC",
	"FLORIDA": "FL", "GEORGIA": "GA", "HAWAII": "HI", "IDAHO": "ID", "ILLINOIS": "IL",
	"INDIANA": "IN", "IOWA": "IA", "KANSAS": "KS", "KENTUCKY": "KY", "LOUISIANA": "LA",
	"MAINE": "ME", "MARYLAND": "MD", "MASSACHUSETTS": "MA", "MICHIGAN": "MI", "MINNESOTA": "MN",
	"MISSISSIPPI": "MS", "MISSOURI": "MO", "MONTANA": "MT", "NEBRASKA": "NE", "NEVADA": "NV",
	"NEW HAMPSHIRE": "NH", "NEW JERSEY": "NJ", "NEW MEXICO": "NM", "NEW YORK": "NY",
	"NORTH CAROLINA": "NC", "NORTH DAKOTA": "ND", "OHIO": "OH", "OKLAHOMA": "OK", "OREGON": "OR",
	"PENNSYLVANIA": "PA", "RHODE ISLAND": "RI", "SOUTH CAROLINA": "SC", "SOUTH DAKOTA": "SD",
	"TENNESSEE": "TN", "TEXAS": "TX", "UTAH": "UT", "VERMONT": "VT", "VIRGINIA": "VA",
	"WASHINGTON": "WA", "WEST VIRGINIA": "WV", "WISCONSIN": "WI", "WYOMING": "WY",
	"PUERTO RICO": "PR", "GUAM": "GU", "VIRGIN ISLANDS": "VI", "U.S. VIRGIN ISLANDS": "VI",
	"AMERICAN SAMOA": "AS",
	// Canadian provinces (EDGAR codes A0-B2).
	"ALBERTA": "A0", "BRITISH COLUMBIA": "A1", "MANITOBA": "A2", "NEW BRUNSWICK": "A3",
	"NEWFOUNDLAND": "A4", "NOVA SCOTIA": "A5", "ONTARIO": "A6", "PRINCE EDWARD ISLAND": "A7",
	"QUEBEC": "A8", "SASKATCHEWAN": "A9", "YUKON": "B0", "CANADA": "Z4",
	// Frequent foreign jurisdictions.
	"BERMUDA": "D0", "BRITISH VIRGIN ISLANDS": "D8", "CAYMAN ISLANDS": "E9", "CHINA": "F4",
	"FRANCE": "I0", "GERMANY": "2M", "HONG KONG": "K3", "INDIA": "K7", "IRELAND": "L2",
	"ISRAEL": "L3", "ITALY": "L6", "JAPAN": "M0", "LUXEMBOURG": "N4", "MARSHALL ISLANDS": "1T",
	"MEXICO": "O5", "NETHERLANDS": "P7", "PANAMA": "R1", "SINGAPORE": "U0", "SPAIN": "U3",
	"SWEDEN": "V7", "SWITZERLAND": "V8", "TAIWAN": "F5", "UNITED KINGDOM": "X0", "ENGLAND": "X0",
	"ENGLAND AND WALES": "X0", "AUSTRALIA": "C3", "BAHAMAS": "C5", "BELGIUM": "C9",
	"BRAZIL": "D5", "DENMARK": "G7", "FINLAND": "H9", "KOREA": "M5", "SOUTH KOREA": "M5",
	"NORWAY": "Q8", "JERSEY": "Y9", "GUERNSEY": "Y7", "LIBERIA": "M2", "CURACAO": "U8",
	"NETHERLANDS ANTILLES": "P8", "SCOTLAND": "X0", "CYPRUS": "G4", "GREECE": "J3",
}

// postalCodes holds every two-letter code that StateCode may return, so a
// value already coded ("DE", "Del.") is recognized.
var postalCodes = func() map[string]bool {
	m := make(map[string]bool, len(stateCodes))
	for _, c := range stateCodes {
		m[c] = true
	}
	return m
}()

// abbreviations maps common printed abbreviations to codes.
var abbreviations = map[string]string{
	"DEL": "DE", "CALIF": "CA", "CAL": "CA", "MASS": "MA", "PENN": "PA", "PENNA": "PA",
	"MICH": "MI", "MINN": "MN", "WASH": "WA", "WISC": "WI", "WIS": "WI", "COLO": "CO",
	"CONN": "CT", "FLA": "FL", "ILL": "IL", "IND": "IN", "KAN": "KS", "KANS": "KS",
	"NEB": "NE", "NEBR": "NE", "NEV": "NV", "OKLA": "OK", "ORE": "OR", "TENN": "TN",
	"TEX": "TX", "VA": "VA", "N.Y": "NY", "N.J": "NJ", "N.C": "NC", "S.C": "SC", "D.C": "DC",
	"ARIZ": "AZ", "ARK": "AR", "ALA": "AL", "GA": "GA", "LA": "LA", "MD": "MD", "MO": "MO",
	"MISS": "MS", "MONT": "MT", "N.H": "NH", "N.M": "NM", "N.D": "ND", "S.D": "SD", "R.I": "RI",
	"VT": "VT", "W.VA": "WV", "WYO": "WY", "U.K": "X0", "UK": "X0", "PRC": "F4",
	"P.R.C": "F4", "BVI": "D8", "B.V.I": "D8",
}

// StateCode normalizes a printed state or jurisdiction ("DELAWARE",
// "Delaware", "Del.", "DE", "State of New York") to its EDGAR code. It
// returns "" when the name is not recognized.
func StateCode(name string) string {
	s := strings.ToUpper(strings.TrimSpace(name))
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')'
	}), " ")
	s = strings.TrimSuffix(s, ".")
	for _, prefix := range []string{"THE STATE OF ", "STATE OF ", "COMMONWEALTH OF ", "PROVINCE OF ", "REPUBLIC OF ", "THE "} {
		s = strings.TrimPrefix(s, prefix)
	}
	s = strings.TrimSpace(s)
	if c, ok := stateCodes[s]; ok {
		return c
	}
	if c, ok := abbreviations[s]; ok {
		return c
	}
	if c, ok := abbreviations[strings.ReplaceAll(s, ". ", ".")]; ok {
		return c
	}
	if len(s) == 2 && postalCodes[s] {
		return s
	}
	return ""
}
