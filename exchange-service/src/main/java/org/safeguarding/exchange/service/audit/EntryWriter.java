package org.safeguarding.exchange.service.audit;

import java.io.IOException;
import org.safeguarding.exchange.service.register.EntryView;

/** Where an export writes its entries, one at a time (a CSV file, say). */
public interface EntryWriter {

    void entry(EntryView entry) throws IOException;

    /** After the last entry: flush what is buffered. */
    void finish() throws IOException;
}
