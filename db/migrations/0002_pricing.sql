-- Pricing (issue 6): a price rule's floor and ceiling are money, and money carries its currency.
-- Without it a global floor of 20 would mean 20 USD on eBay and 20 yen on Mercari.
ALTER TABLE price_rules ADD COLUMN limits_currency char(3);

ALTER TABLE price_rules
    ADD CONSTRAINT price_rules_limits_currency_format CHECK (limits_currency IS NULL OR limits_currency ~ '^[A-Z]{3}$'),
    ADD CONSTRAINT price_rules_limits_have_currency CHECK (
        (floor_price IS NULL AND ceiling_price IS NULL) OR limits_currency IS NOT NULL),
    ADD CONSTRAINT price_rules_limits_positive CHECK (
        (floor_price IS NULL OR floor_price > 0) AND (ceiling_price IS NULL OR ceiling_price > 0));
