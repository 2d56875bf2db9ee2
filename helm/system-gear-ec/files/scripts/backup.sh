#!/bin/sh
# Nightly backup of the whole database (every schema) in pg_dump's custom format, checked and
# rotated like the seed's cron script: files older than RETENTION_DAYS are deleted.
#
# Environment: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (libpq), BACKUP_DIR,
# RETENTION_DAYS. Restore: helm/README.md, "Backup and restore".
set -eu

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
final="$BACKUP_DIR/${PGDATABASE}_${stamp}.dump"
partial="$final.partial"

# Written under a temporary name and renamed when complete, so a crash never leaves a file that
# looks like a good backup, and the retention below never counts one.
pg_dump --format=custom --compress=6 --no-password --file="$partial"
# A dump whose table of contents cannot be read is not a backup.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$final"
echo "backup written: $final ($(wc -c <"$final") bytes)"

find "$BACKUP_DIR" -maxdepth 1 -type f -name "${PGDATABASE}_*.dump" -mtime +"$RETENTION_DAYS" -print -delete
find "$BACKUP_DIR" -maxdepth 1 -type f -name "${PGDATABASE}_*.dump.partial" -mmin +1440 -print -delete
