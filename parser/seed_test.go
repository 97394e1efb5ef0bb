package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSeed is the project's first acceptance case: the bare plain-text
// Form 8-K of Sonus Networks, 29 July 2004.
func TestSeed(t *testing.T) {
	path := filepath.Join(sharedDir(t), "seed", "sonus-networks-8-K-2004-07-29.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(path, data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	check := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	check("form_type", f.FormType, "8-K")
	check("period_of_report", derefOr(f.PeriodOfReport, ""), "2004-07-29")
	check("shape", f.Shape, ShapeText)
	if f.AccessionNumber != nil {
		t.Errorf("accession_number = %q, want null", *f.AccessionNumber)
	}
	if len(f.Registrants) != 1 {
		t.Fatalf("registrants = %d, want 1: %+v", len(f.Registrants), f.Registrants)
	}
	r := f.Registrants[0]
	check("role", r.Role, RoleFiler)
	check("name", r.Name, "SONUS NETWORKS, INC.")
	check("state_of_incorporation", r.StateOfIncorporation, "DE")
	check("file_number", r.FileNumber, "000-30229")
	check("irs_number", r.IRSNumber, "04-3387074")
	if r.BusinessAddress == nil {
		t.Fatal("business_address missing")
	}
	a := r.BusinessAddress
	check("street1", a.Street1, "250 APOLLO DRIVE")
	check("city", a.City, "CHELMSFORD")
	check("state", a.State, "MA")
	check("zip", a.Zip, "01824")
	check("phone", a.Phone, "(978) 614-8100")
	if len(f.Items) != 1 {
		t.Fatalf("items = %d, want 1: %+v", len(f.Items), f.Items)
	}
	check("item code", f.Items[0].Code, "2.02")
	check("item number_as_filed", f.Items[0].NumberAsFiled, "12")
	check("item title", f.Items[0].Title, "Results of Operations and Financial Condition")
	if len(f.Exhibits) != 1 {
		t.Fatalf("exhibits = %d, want 1: %+v", len(f.Exhibits), f.Exhibits)
	}
	check("exhibit number", f.Exhibits[0].Number, "99.1")
	check("exhibit description", f.Exhibits[0].Description,
		"Script of Sonus Networks, Inc. for conference call and simultaneous webcast on July, 29, 2004 to discuss its financial results for the quarter and fiscal year ended December 31, 2003, and for its quarter ended March 31, 2004.")
	if len(f.Signers) != 1 {
		t.Fatalf("signers = %d, want 1: %+v", len(f.Signers), f.Signers)
	}
	s := f.Signers[0]
	check("signer name", s.Name, "Albert A. Notini")
	check("signer title", s.Title, "President and Chief Operating Officer")
	check("signer date", derefOr(s.Date, ""), "2004-07-29")
	check("signer for", s.For, "SONUS NETWORKS, INC.")
	check("signer context", s.Context, "registrant")
}
