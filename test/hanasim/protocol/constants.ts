/** Numeric codes of the HANA SQL Command Network Protocol (see the protocol notes, §3–§11). */

export const MessageType = {
  EXECUTE_DIRECT: 2,
  PREPARE: 3,
  EXECUTE: 13,
  AUTHENTICATE: 65,
  CONNECT: 66,
  COMMIT: 67,
  ROLLBACK: 68,
  CLOSE_RESULT_SET: 69,
  DROP_STATEMENT_ID: 70,
  FETCH_NEXT: 71,
  DISCONNECT: 77,
  DB_CONNECT_INFO: 82,
} as const;

export const SegmentKind = { REQUEST: 1, REPLY: 2, ERROR: 5 } as const;

export const FunctionCode = {
  NIL: 0,
  DDL: 1,
  INSERT: 2,
  UPDATE: 3,
  DELETE: 4,
  SELECT: 5,
  FETCH: 10,
  COMMIT: 11,
  ROLLBACK: 12,
  DISCONNECT: 18,
} as const;

export const PartKind = {
  COMMAND: 3,
  RESULT_SET: 5,
  ERROR: 6,
  STATEMENT_ID: 10,
  ROWS_AFFECTED: 12,
  RESULT_SET_ID: 13,
  TOPOLOGY_INFORMATION: 15,
  CLIENT_CONTEXT: 29,
  PARAMETERS: 32,
  AUTHENTICATION: 33,
  SESSION_CONTEXT: 34,
  CLIENT_ID: 35,
  PROFILE: 38,
  STATEMENT_CONTEXT: 39,
  CONNECT_OPTIONS: 42,
  FETCH_SIZE: 45,
  PARAMETER_METADATA: 47,
  RESULT_SET_METADATA: 48,
  CLIENT_INFO: 57,
  TRANSACTION_FLAGS: 64,
  DB_CONNECT_INFO: 67,
} as const;

export const ResultSetAttr = {
  LAST_PACKET: 1,
  NEXT_PACKET: 2,
  FIRST_PACKET: 4,
  ROW_NOT_FOUND: 8,
  RESULT_SET_CLOSED: 16,
} as const;

/** Type codes on the wire. */
export const TypeCode = {
  TINYINT: 1,
  SMALLINT: 2,
  INTEGER: 3,
  BIGINT: 4,
  DECIMAL: 5,
  REAL: 6,
  DOUBLE: 7,
  CHAR: 8,
  VARCHAR: 9,
  NCHAR: 10,
  NVARCHAR: 11,
  BINARY: 12,
  VARBINARY: 13,
  DATE: 14,
  TIME: 15,
  TIMESTAMP: 16,
  CLOB: 25,
  NCLOB: 26,
  BLOB: 27,
  BOOLEAN: 28,
  STRING: 29,
  NSTRING: 30,
  BSTRING: 33,
  SHORTTEXT: 52,
  LONGDATE: 61,
  SECONDDATE: 62,
  DAYDATE: 63,
  SECONDTIME: 64,
  FIXED16: 76,
  FIXED8: 81,
  FIXED12: 82,
} as const;

/** Option value types in option lists (§4). */
export const OptionType = { INT: 3, BIGINT: 4, DOUBLE: 7, BOOLEAN: 28, STRING: 29, BSTRING: 33 } as const;

export const ConnectOption = {
  CONNECTION_ID: 1,
  COMPLETE_ARRAY_EXECUTION: 2,
  SUPPORTS_LARGE_BULK_OPERATIONS: 4,
  SYSTEM_ID: 11,
  DATA_FORMAT_VERSION: 12,
  SELECT_FOR_UPDATE_SUPPORTED: 14,
  CLIENT_DISTRIBUTION_MODE: 15,
  ENGINE_DATA_FORMAT_VERSION: 16,
  DISTRIBUTION_PROTOCOL_VERSION: 17,
  USE_TRANSACTION_FLAGS_ONLY: 19,
  IGNORE_UNKNOWN_PARTS: 21,
  DATA_FORMAT_VERSION2: 23,
  FULL_VERSION_STRING: 44,
  DATABASE_NAME: 45,
} as const;

export const DbConnectInfoOption = { DATABASE_NAME: 1, HOST: 2, PORT: 3, ON_CORRECT_DATABASE: 4 } as const;

export const PACKET_HEADER_SIZE = 32;
export const SEGMENT_HEADER_SIZE = 24;
export const PART_HEADER_SIZE = 16;
/** The data format version the server uses at most (§7: reply min(requested, 8)). */
export const MAX_DATA_FORMAT_VERSION = 8;
