package items

// entry is one row of an item table: the item number as printed in the
// form (without part), the part it belongs to and its official title.
type entry struct {
	Number string
	Part   string
	Title  string
}

// eightK lists the items of Form 8-K since 23 Aug 2004 (code → title).
var eightK = []entry{
	{"1.01", "", "Entry into a Material Definitive Agreement"},
	{"1.02", "", "Termination of a Material Definitive Agreement"},
	{"1.03", "", "Bankruptcy or Receivership"},
	{"1.04", "", "Mine Safety - Reporting of Shutdowns and Patterns of Violations"},
	{"1.05", "", "Material Cybersecurity Incidents"},
	{"2.01", "", "Completion of Acquisition or Disposition of Assets"},
	{"2.02", "", "Results of Operations and Financial Condition"},
	{"2.03", "", "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant"},
	{"2.04", "", "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement"},
	{"2.05", "", "Costs Associated with Exit or Disposal Activities"},
	{"2.06", "", "Material Impairments"},
	{"3.01", "", "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing"},
	{"3.02", "", "Unregistered Sales of Equity Securities"},
	{"3.03", "", "Material Modification to Rights of Security Holders"},
	{"4.01", "", "Changes in Registrant's Certifying Accountant"},
	{"4.02", "", "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review"},
	{"5.01", "", "Changes in Control of Registrant"},
	{"5.02", "", "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers"},
	{"5.03", "", "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year"},
	{"5.04", "", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"},
	{"5.05", "", "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics"},
	{"5.06", "", "Change in Shell Company Status"},
	{"5.07", "", "Submission of Matters to a Vote of Security Holders"},
	{"5.08", "", "Shareholder Director Nominations"},
	{"6.01", "", "ABS Informational and Computational Material"},
	{"6.02", "", "Change of Servicer or Trustee"},
	{"6.03", "", "Change in Credit Enhancement or Other External Support"},
	{"6.04", "", "Failure to Make a Required Distribution"},
	{"6.05", "", "Securities Act Updating Disclosure"},
	{"6.06", "", "Static Pool"},
	{"7.01", "", "Regulation FD Disclosure"},
	{"8.01", "", "Other Events"},
	{"9.01", "", "Financial Statements and Exhibits"},
}

// legacy8K lists the Form 8-K items in force before 23 Aug 2004: the old
// number, the modern code it maps to, and the title as commonly printed.
var legacy8K = []struct {
	Old, Code, Title string
}{
	{"1", "5.01", "Changes in Control of Registrant"},
	{"2", "2.01", "Acquisition or Disposition of Assets"},
	{"3", "1.03", "Bankruptcy or Receivership"},
	{"4", "4.01", "Changes in Registrant's Certifying Accountant"},
	{"5", "8.01", "Other Events"},
	{"6", "5.02", "Resignations of Registrant's Directors"},
	{"7", "9.01", "Financial Statements, Pro Forma Financial Information and Exhibits"},
	{"8", "5.03", "Change in Fiscal Year"},
	{"9", "7.01", "Regulation FD Disclosure"},
	{"10", "5.05", "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics"},
	{"11", "5.04", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"},
	{"12", "2.02", "Results of Operations and Financial Condition"},
}

// headerAliases are title variants seen in ITEM INFORMATION header lines
// (and printed headings) that the official tables do not spell out.
var headerAliases = []struct{ Title, Code string }{
	{"Departure of Directors or Principal Officers; Election of Directors; Appointment of Principal Officers", "5.02"},
	{"Shareholder Nominations Pursuant to Exchange Act Rule 14a-11", "5.08"},
	{"Other Events and Regulation FD Disclosure", "8.01"},
	{"Financial Statements and Exhibits", "9.01"},
	{"Financial Statements, Pro Forma Financial Information and Exhibits", "9.01"},
	{"Resignation of Registrant's Directors", "5.02"},
	{"Mine Safety Disclosure", "1.04"},
	{"Submission of Matters to a Vote of Security Holders", "5.07"},
	{"Change in Fiscal Year", "5.03"},
}

// tenK lists the items of Form 10-K (also 10-K405 and 10-KT).
var tenK = []entry{
	{"1", "I", "Business"},
	{"1A", "I", "Risk Factors"},
	{"1B", "I", "Unresolved Staff Comments"},
	{"1C", "I", "Cybersecurity"},
	{"2", "I", "Properties"},
	{"3", "I", "Legal Proceedings"},
	{"4", "I", "Mine Safety Disclosures"},
	// Not an item of the form, but customarily printed (Item 401(b) of
	// Regulation S-K allows the executive officers in Part I).
	{"4A", "I", "Executive Officers of the Registrant"},
	{"5", "II", "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities"},
	{"6", "II", "[Reserved]"},
	{"7", "II", "Management's Discussion and Analysis of Financial Condition and Results of Operations"},
	{"7A", "II", "Quantitative and Qualitative Disclosures About Market Risk"},
	{"8", "II", "Financial Statements and Supplementary Data"},
	{"9", "II", "Changes in and Disagreements With Accountants on Accounting and Financial Disclosure"},
	{"9A", "II", "Controls and Procedures"},
	{"9B", "II", "Other Information"},
	{"9C", "II", "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections"},
	{"10", "III", "Directors, Executive Officers and Corporate Governance"},
	{"11", "III", "Executive Compensation"},
	{"12", "III", "Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters"},
	{"13", "III", "Certain Relationships and Related Transactions, and Director Independence"},
	{"14", "III", "Principal Accountant Fees and Services"},
	{"15", "IV", "Exhibits and Financial Statement Schedules"},
	{"16", "IV", "Form 10-K Summary"},
	// Before 2003: Part IV's exhibits item (detected from the printed title).
	{"14", "IV", "Exhibits, Financial Statement Schedules, and Reports on Form 8-K"},
}

// tenKSB lists the items of Form 10-KSB (small business annual report).
var tenKSB = []entry{
	{"1", "I", "Description of Business"},
	{"2", "I", "Description of Property"},
	{"3", "I", "Legal Proceedings"},
	{"4", "I", "Submission of Matters to a Vote of Security Holders"},
	{"5", "II", "Market for Common Equity and Related Stockholder Matters"},
	{"6", "II", "Management's Discussion and Analysis or Plan of Operation"},
	{"7", "II", "Financial Statements"},
	{"8", "II", "Changes in and Disagreements With Accountants on Accounting and Financial Disclosure"},
	{"8A", "II", "Controls and Procedures"},
	{"8B", "II", "Other Information"},
	{"9", "III", "Directors, Executive Officers, Promoters and Control Persons; Compliance with Section 16(a) of the Exchange Act"},
	{"10", "III", "Executive Compensation"},
	{"11", "III", "Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters"},
	{"12", "III", "Certain Relationships and Related Transactions"},
	{"13", "III", "Exhibits"},
	{"14", "III", "Principal Accountant Fees and Services"},
}

// tenQ lists the items of Form 10-Q, keyed by part.
var tenQ = []entry{
	{"1", "I", "Financial Statements"},
	{"2", "I", "Management's Discussion and Analysis of Financial Condition and Results of Operations"},
	{"3", "I", "Quantitative and Qualitative Disclosures About Market Risk"},
	{"4", "I", "Controls and Procedures"},
	{"1", "II", "Legal Proceedings"},
	{"1A", "II", "Risk Factors"},
	{"2", "II", "Unregistered Sales of Equity Securities and Use of Proceeds"},
	{"3", "II", "Defaults Upon Senior Securities"},
	{"4", "II", "Mine Safety Disclosures"},
	{"5", "II", "Other Information"},
	{"6", "II", "Exhibits"},
}

// tenQSB lists the items of Form 10-QSB, keyed by part.
var tenQSB = []entry{
	{"1", "I", "Financial Statements"},
	{"2", "I", "Management's Discussion and Analysis or Plan of Operation"},
	{"3", "I", "Controls and Procedures"},
	{"1", "II", "Legal Proceedings"},
	{"2", "II", "Changes in Securities"},
	{"3", "II", "Defaults Upon Senior Securities"},
	{"4", "II", "Submission of Matters to a Vote of Security Holders"},
	{"5", "II", "Other Information"},
	{"6", "II", "Exhibits and Reports on Form 8-K"},
}

// twentyF lists the items of Form 20-F.
var twentyF = []entry{
	{"1", "I", "Identity of Directors, Senior Management and Advisers"},
	{"2", "I", "Offer Statistics and Expected Timetable"},
	{"3", "I", "Key Information"},
	{"4", "I", "Information on the Company"},
	{"4A", "I", "Unresolved Staff Comments"},
	{"5", "I", "Operating and Financial Review and Prospects"},
	{"6", "I", "Directors, Senior Management and Employees"},
	{"7", "I", "Major Shareholders and Related Party Transactions"},
	{"8", "I", "Financial Information"},
	{"9", "I", "The Offer and Listing"},
	{"10", "I", "Additional Information"},
	{"11", "I", "Quantitative and Qualitative Disclosures About Market Risk"},
	{"12", "I", "Description of Securities Other Than Equity Securities"},
	{"13", "II", "Defaults, Dividend Arrearages and Delinquencies"},
	{"14", "II", "Material Modifications to the Rights of Security Holders and Use of Proceeds"},
	{"15", "II", "Controls and Procedures"},
	{"16", "II", "[Reserved]"},
	{"16A", "II", "Audit Committee Financial Expert"},
	{"16B", "II", "Code of Ethics"},
	{"16C", "II", "Principal Accountant Fees and Services"},
	{"16D", "II", "Exemptions from the Listing Standards for Audit Committees"},
	{"16E", "II", "Purchases of Equity Securities by the Issuer and Affiliated Purchasers"},
	{"16F", "II", "Change in Registrant's Certifying Accountant"},
	{"16G", "II", "Corporate Governance"},
	{"16H", "II", "Mine Safety Disclosure"},
	{"16I", "II", "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections"},
	{"16J", "II", "Insider Trading Policies"},
	{"16K", "II", "Cybersecurity"},
	{"17", "III", "Financial Statements"},
	{"18", "III", "Financial Statements"},
	{"19", "III", "Exhibits"},
}

// historicTitles gives titles that applied to an item before a given date
// (filings filed before Before get Title).
var historicTitles = map[string][]struct{ Before, Title string }{
	"10-K|I-4": {
		{"2010-02-28", "Submission of Matters to a Vote of Security Holders"},
		{"2012-01-27", "(Removed and Reserved)"},
	},
	"10-K|II-6": {{"2021-02-10", "Selected Financial Data"}},
	"10-Q|II-4": {
		{"2010-02-28", "Submission of Matters to a Vote of Security Holders"},
		{"2012-01-27", "(Removed and Reserved)"},
	},
}

// altTitles are other titles 10-Q items have been printed with (earlier
// versions of the form), used to tell Part I from Part II items.
var altTitles = map[string][]string{
	"I-2":  {"Management's Discussion and Analysis or Plan of Operation", "Management's Discussion and Analysis of Results of Operations"},
	"II-2": {"Changes in Securities and Use of Proceeds", "Changes in Securities", "Issuer Purchases of Equity Securities"},
	"II-4": {"Submission of Matters to a Vote of Security Holders", "(Removed and Reserved)"},
	"II-6": {"Exhibits and Reports on Form 8-K"},
}
