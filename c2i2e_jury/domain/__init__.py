"""Pure domain: the referential, the certification rules, the oral timer. No Qt, no database, no I/O."""
