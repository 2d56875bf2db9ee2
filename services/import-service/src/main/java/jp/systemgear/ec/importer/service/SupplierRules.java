package jp.systemgear.ec.importer.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.importer.client.CatalogClient;
import jp.systemgear.ec.rules.CompiledRuleSet;
import jp.systemgear.ec.rules.InvalidRulesException;
import jp.systemgear.ec.rules.RuleCompiler;
import jp.systemgear.ec.rules.RuleDefinition;
import jp.systemgear.ec.rules.ValueFormat;

/**
 * A supplier's compiled rules as catalog-service serves them, compiled once per version: each run asks
 * catalog with the ETag it has, and a 304 keeps the compiled set (a large JAN index is not rebuilt).
 */
@ApplicationScoped
public class SupplierRules {

    /** The compiled form document (catalog's {@code CompiledRulesView}). */
    public record Document(int formatVersion, String supplierCode, int ruleVersion, ValueFormat valueFormat,
            List<RuleDefinition> rules, Map<String, String> janIndex) {
    }

    /** What a run maps with. */
    public record Current(String etag, int version, CompiledRuleSet rules) {
    }

    static final int FORMAT_VERSION = 1;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final CatalogClient catalog;
    private final ObjectMapper json;
    private final Map<String, Current> bySupplier = new ConcurrentHashMap<>();

    public SupplierRules(CatalogClient catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /** Blocking: called on the pipeline's worker threads. */
    public Current current(String supplierCode) {
        Current known = bySupplier.get(supplierCode);
        RestResponse<String> answer = catalog.compiledRules(supplierCode, known == null ? null : known.etag())
                .await().atMost(WAIT);
        if (answer.getStatus() == 304 && known != null) {
            return known;
        }
        Document doc;
        try {
            doc = json.readValue(answer.getEntity(), Document.class);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.MAPPING_RULE_ERROR, "The compiled rules of " + supplierCode
                    + " cannot be read: " + e.getOriginalMessage());
        }
        if (doc.formatVersion() != FORMAT_VERSION) {
            throw new ApiException(ErrorCode.MAPPING_RULE_ERROR, "The compiled rules of " + supplierCode
                    + " have format " + doc.formatVersion() + "; this import-service reads " + FORMAT_VERSION);
        }
        CompiledRuleSet compiled;
        try {
            compiled = RuleCompiler.compile(doc.rules(), doc.valueFormat(), doc.janIndex() == null ? Map.of()
                    : doc.janIndex());
        } catch (InvalidRulesException e) {
            throw new ApiException(ErrorCode.MAPPING_RULE_ERROR, "Rule version " + doc.ruleVersion() + " of "
                    + supplierCode + " does not compile: " + e.getMessage());
        }
        Current fresh = new Current(answer.getHeaderString(HttpHeaders.ETAG), doc.ruleVersion(), compiled);
        bySupplier.put(supplierCode, fresh);
        return fresh;
    }
}
