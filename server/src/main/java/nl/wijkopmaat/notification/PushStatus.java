package nl.wijkopmaat.notification;

/** PENDING until due; CLAIMED by one dispatcher under a lease; then SENT, or DEAD with the reason. */
enum PushStatus { PENDING, CLAIMED, SENT, DEAD }
