<SUBMISSION>
<ACCESSION-NUMBER>0000999301-25-000008<TYPE>8-K<PUBLIC-DOCUMENT-COUNT>1<PERIOD>20250303<ITEMS>5.02<ITEMS>9.01<FILING-DATE>20250305<DATE-OF-FILING-DATE-CHANGE>20250305<FILER><COMPANY-DATA><CONFORMED-NAME>Briskwater Robotics, Inc.<CIK>0000999301<ASSIGNED-SIC>3569<ORGANIZATION-NAME>06 Technology<IRS-NUMBER>884417702<STATE-OF-INCORPORATION>NV<FISCAL-YEAR-END>1231</COMPANY-DATA><FILING-VALUES><FORM-TYPE>8-K<ACT>34<FILE-NUMBER>001-41920<FILM-NUMBER>25700811</FILING-VALUES><BUSINESS-ADDRESS><STREET1>7100 FOUNDRY ROW<STREET2>BUILDING C<CITY>RENO<STATE>NV<ZIP>89502<PHONE>775-555-0177</BUSINESS-ADDRESS><MAIL-ADDRESS><STREET1>7100 FOUNDRY ROW<STREET2>BUILDING C<CITY>RENO<STATE>NV<ZIP>89502</MAIL-ADDRESS><FORMER-COMPANY><FORMER-CONFORMED-NAME>Briskwater Acquisition Corp.<DATE-CHANGED>20231120</FORMER-COMPANY></FILER><DOCUMENT><TYPE>8-K<SEQUENCE>1<FILENAME>brsk-20250303.htm<DESCRIPTION>8-K<TEXT><XBRL><?xml version='1.0' encoding='ASCII'?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2024" xmlns:us-gaap="http://fasb.org/us-gaap/2024" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"><head><title>brsk-20250303</title></head><body>
<div style="display:none"><ix:header><ix:hidden><ix:nonNumeric name="dei:AmendmentFlag" contextRef="c0">false</ix:nonNumeric><ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c0">0000999301</ix:nonNumeric></ix:hidden>
<ix:resources><xbrli:context id="c0"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000999301</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2025-03-03</xbrli:startDate><xbrli:endDate>2025-03-03</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:context id="c1"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000999301</xbrli:identifier><xbrli:segment><xbrldi:explicitMember dimension="us-gaap:StatementClassOfStockAxis">us-gaap:CommonStockMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity><xbrli:period><xbrli:startDate>2025-03-03</xbrli:startDate><xbrli:endDate>2025-03-03</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:context id="c2"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000999301</xbrli:identifier><xbrli:segment><xbrldi:explicitMember dimension="us-gaap:StatementClassOfStockAxis">brsk:WarrantsMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity><xbrli:period><xbrli:startDate>2025-03-03</xbrli:startDate><xbrli:endDate>2025-03-03</xbrli:endDate></xbrli:period></xbrli:context>
</ix:resources></ix:header></div>
<p style="text-align:center"><b>UNITED STATES<br/>SECURITIES AND EXCHANGE COMMISSION</b><br/>Washington, D.C. 20549</p>
<p style="text-align:center"><b>FORM <ix:nonNumeric name="dei:DocumentType" contextRef="c0">8-K</ix:nonNumeric></b></p>
<p style="text-align:center"><b>CURRENT REPORT</b><br/>Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934</p>
<p style="text-align:center">Date of Report (Date of earliest event reported): <ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="c0" format="ixt:date-monthname-day-year-en">March 3, 2025</ix:nonNumeric></p>
<p style="text-align:center"><b><ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c0">BRISKWATER ROBOTICS, INC.</ix:nonNumeric></b><br/>(Exact name of registrant as specified in its charter)</p>
<table style="width:100%"><tr>
<td style="text-align:center"><ix:nonNumeric name="dei:EntityIncorporationStateCountryCode" contextRef="c0" format="ixt-sec:stateprovnameen">Nevada</ix:nonNumeric></td>
<td style="text-align:center"><ix:nonNumeric name="dei:EntityFileNumber" contextRef="c0">001-41920</ix:nonNumeric></td>
<td style="text-align:center"><ix:nonNumeric name="dei:EntityTaxIdentificationNumber" contextRef="c0">88-4417702</ix:nonNumeric></td></tr>
<tr><td style="text-align:center">(State or other jurisdiction of incorporation)</td><td style="text-align:center">(Commission File Number)</td><td style="text-align:center">(IRS Employer Identification No.)</td></tr></table>
<table style="width:100%"><tr><td style="text-align:center"><ix:nonNumeric name="dei:EntityAddressAddressLine1" contextRef="c0">7100 Foundry Row</ix:nonNumeric>, <ix:nonNumeric name="dei:EntityAddressAddressLine2" contextRef="c0">Building C</ix:nonNumeric><br/><ix:nonNumeric name="dei:EntityAddressCityOrTown" contextRef="c0">Reno</ix:nonNumeric>, <ix:nonNumeric name="dei:EntityAddressStateOrProvince" contextRef="c0">NV</ix:nonNumeric> <ix:nonNumeric name="dei:EntityAddressPostalZipCode" contextRef="c0">89502</ix:nonNumeric></td></tr>
<tr><td style="text-align:center">(Address of principal executive offices) (Zip Code)</td></tr></table>
<p style="text-align:center"><ix:nonNumeric name="dei:CityAreaCode" contextRef="c0">(775)</ix:nonNumeric> <ix:nonNumeric name="dei:LocalPhoneNumber" contextRef="c0">555-0177</ix:nonNumeric><br/>(Registrant&#8217;s telephone number, including area code)</p>
<p>Check the appropriate box below if the Form 8-K filing is intended to simultaneously satisfy the filing obligation of the registrant under any of the following provisions:</p>
<p><ix:nonNumeric name="dei:WrittenCommunications" contextRef="c0" format="ixt-sec:boolballotbox">&#9744;</ix:nonNumeric> Written communications pursuant to Rule 425 under the Securities Act (17 CFR 230.425)</p>
<p><ix:nonNumeric name="dei:SolicitingMaterial" contextRef="c0" format="ixt-sec:boolballotbox">&#9744;</ix:nonNumeric> Soliciting material pursuant to Rule 14a-12 under the Exchange Act (17 CFR 240.14a-12)</p>
<p><ix:nonNumeric name="dei:PreCommencementTenderOffer" contextRef="c0" format="ixt-sec:boolballotbox">&#9744;</ix:nonNumeric> Pre-commencement communications pursuant to Rule 14d-2(b) under the Exchange Act (17 CFR 240.14d-2(b))</p>
<p><ix:nonNumeric name="dei:PreCommencementIssuerTenderOffer" contextRef="c0" format="ixt-sec:boolballotbox">&#9744;</ix:nonNumeric> Pre-commencement communications pursuant to Rule 13e-4(c) under the Exchange Act (17 CFR 240.13e-4(c))</p>
<p>Securities registered pursuant to Section 12(b) of the Act:</p>
<table><tr><td>Title of each class</td><td>Trading Symbol(s)</td><td>Name of each exchange on which registered</td></tr>
<tr><td><ix:nonNumeric name="dei:Security12bTitle" contextRef="c1">Common Stock, par value $0.0001 per share</ix:nonNumeric></td><td><ix:nonNumeric name="dei:TradingSymbol" contextRef="c1">BRSK</ix:nonNumeric></td><td><ix:nonNumeric name="dei:SecurityExchangeName" contextRef="c1" format="ixt-sec:exchnameen">The Nasdaq Stock Market LLC</ix:nonNumeric></td></tr>
<tr><td><ix:nonNumeric name="dei:Security12bTitle" contextRef="c2">Warrants, each exercisable for one share of Common Stock</ix:nonNumeric></td><td><ix:nonNumeric name="dei:TradingSymbol" contextRef="c2">BRSKW</ix:nonNumeric></td><td><ix:nonNumeric name="dei:SecurityExchangeName" contextRef="c2" format="ixt-sec:exchnameen">The Nasdaq Stock Market LLC</ix:nonNumeric></td></tr></table>
<p>Indicate by check mark whether the registrant is an emerging growth company as defined in Rule 405 of the Securities Act of 1933. Emerging growth company <ix:nonNumeric name="dei:EntityEmergingGrowthCompany" contextRef="c0" format="ixt-sec:boolballotbox">&#9746;</ix:nonNumeric></p>
<div style="page-break-after:always"></div>
<p><b>Item 5.02 Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers.</b></p>
<p>On March 3, 2025, the Board of Directors of Briskwater Robotics, Inc. (the &#8220;Company&#8221;) appointed Priya Venkataraman as Chief Operating Officer, effective March 17, 2025.</p>
<p><b>Item 9.01 Financial Statements and Exhibits.</b></p>
<p>(d) Exhibits</p>
<table><tr><td>Exhibit No.</td><td>Description</td></tr>
<tr><td>104</td><td>Cover Page Interactive Data File (embedded within the Inline XBRL document)</td></tr></table>
<p style="text-align:center"><b>SIGNATURE</b></p>
<p>Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned hereunto duly authorized.</p>
<table><tr><td></td><td>BRISKWATER ROBOTICS, INC.</td></tr>
<tr><td>Date: March 5, 2025</td><td>By:</td><td>/s/ Dominik Haas</td></tr>
<tr><td></td><td>Name:</td><td>Dominik Haas</td></tr>
<tr><td></td><td>Title:</td><td>Chief Executive Officer</td></tr></table>
</body></html></XBRL></TEXT></DOCUMENT></SUBMISSION>
