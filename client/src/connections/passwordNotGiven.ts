/** Raised when the user dismissed the password prompt: the action simply does not happen. */
export class PasswordNotGiven extends Error {
  constructor(connection: string) {
    super(`No password given for ${connection}.`);
  }
}
