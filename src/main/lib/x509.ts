// reflect-metadata must run before @peculiar/x509 loads (its tsyringe refuses to start otherwise).
// Every use of the library goes through this module, so the bundler keeps the two together and
// in this order, whichever entry (server, bench, tests) pulls them in.
import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

x509.cryptoProvider.set(webcrypto as never)

export { x509 }
