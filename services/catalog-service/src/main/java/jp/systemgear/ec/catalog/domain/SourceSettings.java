package jp.systemgear.ec.catalog.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a supplier's files come from. Secrets are never stored: a URL source names the secret that
 * holds its credential ({@code authSecretRef}, an environment variable or Kubernetes secret key that
 * import-service resolves at fetch time) and the header to put it in.
 *
 * @param type           UPLOAD, DROP_FOLDER or URL
 * @param folder         DROP_FOLDER: sub-folder of INPUT_DIR
 * @param filePattern    DROP_FOLDER: glob of the files to take (default *)
 * @param url            URL: http(s) address, without credentials
 * @param authHeaderName URL: header that carries the credential (default Authorization)
 * @param authSecretRef  URL: name of the secret holding the header's value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceSettings(String type, String folder, String filePattern, String url, String authHeaderName,
        String authSecretRef) {

    public static SourceSettings upload() {
        return new SourceSettings("UPLOAD", null, null, null, null, null);
    }
}
