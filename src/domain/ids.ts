import { uuidv7 } from 'uuidv7';

// UUIDv7: time-ordered, so an offline device can mint ids that sort well and never collide.
export const newId = (): string => uuidv7();

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => uuidPattern.test(value);
