-- Bundles (docs/bundles.md): a device enrols once, online, before it may hand its operations over
-- as a file. The server keeps the public half of the Ed25519 key the device signs its bundles with,
-- and the AES-256-GCM key its bundles are sealed under, itself sealed by the data key like a
-- personal field (so key rotation and backups treat it as they treat those).
CREATE TABLE sync_device_key (
  device_id uuid PRIMARY KEY REFERENCES sync_device (id),
  public_key text NOT NULL,
  bundle_key text NOT NULL,
  enrolled_at timestamptz NOT NULL DEFAULT now()
);
