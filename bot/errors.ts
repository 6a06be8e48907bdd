/**
 * The few named errors Sila raises. They live in `db/kinds.ts`, which every
 * layer may import (db/ and orgs/ included); this module names them for bot/.
 */
export { ChannelError, ConfigError, StorageError, ValidationError } from "../db/kinds";
