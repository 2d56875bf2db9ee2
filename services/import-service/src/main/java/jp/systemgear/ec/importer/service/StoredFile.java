package jp.systemgear.ec.importer.service;

import java.nio.file.Path;

import jp.systemgear.ec.importer.reading.ContentSniffer;

/** A received file in the upload directory, under a name of ours (never the client's). */
public record StoredFile(Path path, String sha256, long size, ContentSniffer.Kind kind) {
}
