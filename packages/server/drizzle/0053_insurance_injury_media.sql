-- Issue 20, H-9.4: an injury's site photos and medical receipts are kept with the claim as files too, beside the
-- photos and video of the loss. `purpose` tells them apart: the loss's files are closed once the loss is counted
-- with the customer (G-11.2, H-9.3); an injury's receipts keep coming while the casualty is treated, until payment.
ALTER TABLE "insurance_claim_media" ADD COLUMN IF NOT EXISTS "purpose" text NOT NULL DEFAULT 'loss';
