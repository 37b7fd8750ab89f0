package org.safeguarding.exchange.service.register;

/**
 * An entry as written: the message, its sequence in the register and its link in its chain.
 *
 * @param sequence      the register-wide sequence number (allocation order, unique)
 * @param chainPosition position in the entry's chain (one chain per intake partition), from 0
 * @param previousHash  the entry hash of the chain's previous entry; 32 zero bytes for the first
 * @param entryHash     SHA-256 of the entry's canonical encoding, {@link EntryEncoding}
 * @param entryVersion  the version of {@link EntryEncoding} the entry was written with (1 or 2); entries keep theirs
 * @param schemaSha256  SHA-256 of the text of the schema the message names, as the registry gave it when the entry was
 *                      written, or null when the message could not be decoded (always null in version 1)
 */
public record RegisterEntry(
        long sequence,
        String chainId,
        long chainPosition,
        byte[] previousHash,
        byte[] entryHash,
        NewEntry message,
        int entryVersion,
        byte[] schemaSha256) {

    /** The canonical encoding this entry's hash covers, which is also its Merkle leaf data. */
    public byte[] canonicalEncoding() {
        return EntryEncoding.encode(this);
    }
}
