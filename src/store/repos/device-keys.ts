import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

// The keys of an enrolled device (migration 014): its Ed25519 public key, and its bundle key sealed
// at rest and opened on read like every sealed value.

export interface DeviceKey {
  deviceId: string;
  userId: string;
  publicKey: string;
  bundleKey: string;
  enrolledAt: string;
}

export async function insertDeviceKey(
  tx: Queryable,
  key: { deviceId: string; publicKey: string; bundleKey: string },
): Promise<void> {
  await tx.query('INSERT INTO sync_device_key (device_id, public_key, bundle_key) VALUES ($1, $2, $3)', [
    key.deviceId,
    key.publicKey,
    cipherOf(tx).seal(key.bundleKey),
  ]);
}

export async function findDeviceKey(db: Queryable, deviceId: string): Promise<DeviceKey | undefined> {
  const { rows } = await db.query<{
    device_id: string;
    user_id: string;
    public_key: string;
    bundle_key: string;
    enrolled_at: Date;
  }>(
    `SELECT k.device_id, d.user_id, k.public_key, k.bundle_key, k.enrolled_at
       FROM sync_device_key k JOIN sync_device d ON d.id = k.device_id WHERE k.device_id = $1`,
    [deviceId],
  );
  const row = rows[0];
  return (
    row && {
      deviceId: row.device_id,
      userId: row.user_id,
      publicKey: row.public_key,
      bundleKey: row.bundle_key,
      enrolledAt: row.enrolled_at.toISOString(),
    }
  );
}
