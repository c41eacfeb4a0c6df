/** The hanasim protocol layer: HANA's SQL Command Network Protocol in front of a Backend. */
export { createProtocolServer, type ProtocolServer, type ProtocolServerOptions } from './server';
export type {
  Backend,
  DatabaseInfo,
  ParameterInfo,
  PreparedInfo,
  ProtocolSessionInfo,
  UserCredentials,
} from './backend';
export { createScramVerifier, type ScramVerifier } from './auth';
