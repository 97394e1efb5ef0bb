-- Upsert one company's submissions JSON facts ($1 cik .. $32 source, in
-- column order); written only when a value changes. Returns whether the
-- row was inserted (no row when unchanged).
INSERT INTO edgar.submission_companies AS t (
    cik, name, entity_type, sic, category, ein, lei, description, website, investor_website,
    fiscal_year_end, state_of_incorporation, state_of_incorporation_description, phone, flags, owner_org,
    insider_transaction_for_owner_exists, insider_transaction_for_issuer_exists,
    business_street1, business_street2, business_city, business_state, business_zip, business_state_description,
    mail_street1, mail_street2, mail_city, mail_state, mail_zip, mail_state_description, history_pages, source)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
        $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32)
ON CONFLICT (cik) DO UPDATE SET
    name = excluded.name, entity_type = excluded.entity_type, sic = excluded.sic, category = excluded.category,
    ein = excluded.ein, lei = excluded.lei, description = excluded.description, website = excluded.website,
    investor_website = excluded.investor_website, fiscal_year_end = excluded.fiscal_year_end,
    state_of_incorporation = excluded.state_of_incorporation,
    state_of_incorporation_description = excluded.state_of_incorporation_description,
    phone = excluded.phone, flags = excluded.flags, owner_org = excluded.owner_org,
    insider_transaction_for_owner_exists = excluded.insider_transaction_for_owner_exists,
    insider_transaction_for_issuer_exists = excluded.insider_transaction_for_issuer_exists,
    business_street1 = excluded.business_street1, business_street2 = excluded.business_street2,
    business_city = excluded.business_city, business_state = excluded.business_state,
    business_zip = excluded.business_zip, business_state_description = excluded.business_state_description,
    mail_street1 = excluded.mail_street1, mail_street2 = excluded.mail_street2, mail_city = excluded.mail_city,
    mail_state = excluded.mail_state, mail_zip = excluded.mail_zip, mail_state_description = excluded.mail_state_description,
    history_pages = excluded.history_pages, source = excluded.source, loaded_at = now()
WHERE (t.name, t.entity_type, t.sic, t.category, t.ein, t.lei, t.description, t.website, t.investor_website,
       t.fiscal_year_end, t.state_of_incorporation, t.state_of_incorporation_description, t.phone, t.flags, t.owner_org,
       t.insider_transaction_for_owner_exists, t.insider_transaction_for_issuer_exists,
       t.business_street1, t.business_street2, t.business_city, t.business_state, t.business_zip, t.business_state_description,
       t.mail_street1, t.mail_street2, t.mail_city, t.mail_state, t.mail_zip, t.mail_state_description, t.history_pages)
      IS DISTINCT FROM
      (excluded.name, excluded.entity_type, excluded.sic, excluded.category, excluded.ein, excluded.lei, excluded.description,
       excluded.website, excluded.investor_website, excluded.fiscal_year_end, excluded.state_of_incorporation,
       excluded.state_of_incorporation_description, excluded.phone, excluded.flags, excluded.owner_org,
       excluded.insider_transaction_for_owner_exists, excluded.insider_transaction_for_issuer_exists,
       excluded.business_street1, excluded.business_street2, excluded.business_city, excluded.business_state,
       excluded.business_zip, excluded.business_state_description, excluded.mail_street1, excluded.mail_street2,
       excluded.mail_city, excluded.mail_state, excluded.mail_zip, excluded.mail_state_description, excluded.history_pages)
RETURNING (t.xmax = 0) AS inserted
