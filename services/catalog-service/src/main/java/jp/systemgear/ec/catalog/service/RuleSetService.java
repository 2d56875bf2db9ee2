package jp.systemgear.ec.catalog.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import jp.systemgear.ec.catalog.config.CatalogConfig;
import jp.systemgear.ec.catalog.domain.MappingRuleSet;
import jp.systemgear.ec.catalog.domain.RuleSetDocument;
import jp.systemgear.ec.catalog.domain.Supplier;
import jp.systemgear.ec.catalog.repository.JanIndexQueries;
import jp.systemgear.ec.catalog.repository.MappingRuleSetRepository;
import jp.systemgear.ec.catalog.repository.SupplierRepository;
import jp.systemgear.ec.catalog.rest.CompiledRulesView;
import jp.systemgear.ec.catalog.rest.RuleSetRequest;
import jp.systemgear.ec.catalog.rest.RuleSetView;
import jp.systemgear.ec.catalog.rest.RuleTestRequest;
import jp.systemgear.ec.catalog.rest.RuleTestResult;
import jp.systemgear.ec.rules.CompiledRuleSet;
import jp.systemgear.ec.rules.InvalidRulesException;
import jp.systemgear.ec.rules.MatchType;
import jp.systemgear.ec.rules.RowResult;
import jp.systemgear.ec.rules.RuleCompiler;
import jp.systemgear.ec.rules.RuleDefinition;
import jp.systemgear.ec.rules.RuleDiff;
import jp.systemgear.ec.rules.RuleViolation;
import jp.systemgear.ec.rules.SupplierRow;
import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.common.error.FieldError;

/** Versioned mapping rules per supplier: save, list, restore, diff, test, and the compiled form. */
@ApplicationScoped
public class RuleSetService {

    /** The compiled form with its ETag, as cached. */
    public record Compiled(String etag, String json) {
    }

    private final SupplierRepository suppliers;
    private final MappingRuleSetRepository ruleSets;
    private final JanIndexQueries jans;
    private final HotCache cache;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final int maxTestRows;

    public RuleSetService(SupplierRepository suppliers, MappingRuleSetRepository ruleSets, JanIndexQueries jans,
            HotCache cache, ObjectMapper json, Vertx vertx, CatalogConfig config) {
        this.suppliers = suppliers;
        this.ruleSets = ruleSets;
        this.jans = jans;
        this.cache = cache;
        this.json = json;
        this.vertx = vertx;
        this.maxTestRows = config.ruleTestMaxRows();
    }

    @WithSession
    public Uni<RuleSetView> current(String code) {
        return supplier(code).chain(s -> ruleSets.latest(s.id).map(set -> RuleSetView.of(code, set)));
    }

    @WithSession
    public Uni<List<RuleSetView.Summary>> versions(String code) {
        return supplier(code).chain(s -> ruleSets.all(s.id))
                .map(list -> list.stream().map(RuleSetView.Summary::of).toList());
    }

    @WithSession
    public Uni<RuleSetView> version(String code, int version) {
        return supplier(code).chain(s -> version(s, version)).map(set -> RuleSetView.of(code, set));
    }

    /**
     * Saves the next version. The unique (supplier, version) key decides races: of two saves based on
     * the same version only one commits, the other gets 409.
     */
    @WithTransaction
    public Uni<RuleSetView> save(String code, RuleSetRequest request, String user) {
        List<RuleViolation> violations = RuleCompiler.validate(request.rules());
        if (!violations.isEmpty()) {
            throw mappingRuleError(violations);
        }
        return supplier(code).chain(s -> ruleSets.latest(s.id).chain(latest -> {
            int current = latest == null ? 0 : latest.version;
            if (request.baseVersion() != null && request.baseVersion() != current) {
                throw ApiException.conflict("The rules of " + code + " are at version " + current + ", not "
                        + request.baseVersion() + "; reload them and apply your change again");
            }
            return insert(s, current + 1, request.rules(), request.comment(), user, null);
        })).call(set -> cache.invalidate(HotCache.RULES)).map(set -> RuleSetView.of(code, set));
    }

    /** Restoring never rewrites history: the old rules become the next version. */
    @WithTransaction
    public Uni<RuleSetView> restore(String code, int version, String user) {
        return supplier(code).chain(s -> version(s, version).chain(old -> ruleSets.latest(s.id)
                .chain(latest -> insert(s, latest.version + 1, old.rules.list(), "restored from version " + version,
                        user, version))))
                .call(set -> cache.invalidate(HotCache.RULES)).map(set -> RuleSetView.of(code, set));
    }

    @WithSession
    public Uni<RuleDiff> diff(String code, int from, int to) {
        return supplier(code).chain(s -> rulesAt(s, from).chain(a -> rulesAt(s, to)
                .map(b -> RuleDiff.between(from, a, to, b))));
    }

    /** Runs sample rows through the current (or draft) rules on a worker thread; writes nothing. */
    @WithSession
    public Uni<RuleTestResult> test(String code, RuleTestRequest request) {
        if (request.rows().size() > maxTestRows) {
            throw ApiException.validation("rows", "at most " + maxTestRows + " rows per test");
        }
        if (request.rules() != null) {
            List<RuleViolation> violations = RuleCompiler.validate(request.rules());
            if (!violations.isEmpty()) {
                throw mappingRuleError(violations);
            }
        }
        return supplier(code).chain(s -> (request.rules() != null ? Uni.createFrom().<MappingRuleSet> nullItem()
                : ruleSets.latest(s.id)).chain(set -> {
                    List<RuleDefinition> rules = request.rules() != null ? request.rules()
                            : set == null ? List.of() : set.rules.list();
                    Integer version = request.rules() != null ? null : set == null ? 0 : set.version;
                    List<String> candidates = new ArrayList<>();
                    for (SupplierRow row : request.rows()) {
                        candidates.add(row.jan());
                        candidates.add(row.code());
                    }
                    return jans.of(JanIndexQueries.candidates(candidates))
                            .chain(index -> vertx.executeBlocking(Uni.createFrom()
                                    .item(() -> runTest(s, version, rules, index, request.rows()))));
                }));
    }

    private static RuleTestResult runTest(Supplier supplier, Integer version, List<RuleDefinition> rules,
            Map<String, String> janIndex, List<SupplierRow> rows) {
        CompiledRuleSet compiled = compile(rules, supplier, janIndex);
        List<RuleTestResult.Line> lines = new ArrayList<>(rows.size());
        long[] counts = new long[RowResult.Outcome.values().length];
        for (int i = 0; i < rows.size(); i++) {
            SupplierRow row = rows.get(i) == null ? new SupplierRow(null, null, null, null, null) : rows.get(i);
            RowResult result = compiled.apply(row);
            counts[result.outcome().ordinal()]++;
            lines.add(new RuleTestResult.Line(i + 1, row, result));
        }
        return new RuleTestResult(supplier.code, version, lines, counts[RowResult.Outcome.MAPPED.ordinal()],
                counts[RowResult.Outcome.EXCLUDED.ordinal()], counts[RowResult.Outcome.UNMATCHED.ordinal()],
                counts[RowResult.Outcome.INVALID.ordinal()]);
    }

    /** The compiled form for import-service, cached; the ETag is a hash of the exact JSON served. */
    public Uni<Compiled> compiled(String code) {
        return cache.get(HotCache.RULES, code, () -> buildCompiled(code)).map(RuleSetService::decode);
    }

    private Uni<String> buildCompiled(String code) {
        return Panache.withSession(() -> supplier(code).chain(s -> ruleSets.latest(s.id).chain(set -> {
            List<RuleDefinition> rules = set == null ? List.of() : set.rules.list();
            boolean needsJans = rules.stream().anyMatch(r -> r.match() != null
                    && MatchType.JAN.name().equals(r.match().type()));
            return (needsJans ? jans.all() : Uni.createFrom().item(Map.<String, String> of()))
                    .chain(index -> vertx.executeBlocking(Uni.createFrom().item(() -> encode(new CompiledRulesView(
                            CompiledRulesView.FORMAT_VERSION, code, set == null ? 0 : set.version,
                            SupplierSettings.valueFormat(s.profile), rules, new TreeMap<>(index))))));
        })));
    }

    private String encode(CompiledRulesView view) {
        try {
            String body = json.writeValueAsString(view);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"\n" + body;
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The compiled rules cannot be serialised", e);
        }
    }

    private static Compiled decode(String cached) {
        int newline = cached.indexOf('\n');
        return new Compiled(cached.substring(0, newline), cached.substring(newline + 1));
    }

    static CompiledRuleSet compile(List<RuleDefinition> rules, Supplier supplier, Map<String, String> janIndex) {
        try {
            return RuleCompiler.compile(rules, SupplierSettings.valueFormat(supplier.profile), janIndex);
        } catch (InvalidRulesException e) {
            throw mappingRuleError(e.violations());
        }
    }

    private Uni<MappingRuleSet> insert(Supplier supplier, int version, List<RuleDefinition> rules, String comment,
            String user, Integer restoredFrom) {
        MappingRuleSet set = new MappingRuleSet();
        set.supplierId = supplier.id;
        set.version = version;
        set.rules = new RuleSetDocument(rules);
        set.comment = comment;
        set.createdBy = user;
        set.restoredFrom = restoredFrom;
        return ruleSets.persistAndFlush(set);
    }

    private Uni<List<RuleDefinition>> rulesAt(Supplier supplier, int version) {
        if (version == 0) {
            return Uni.createFrom().item(List.of());
        }
        return version(supplier, version).map(set -> set.rules.list());
    }

    private Uni<MappingRuleSet> version(Supplier supplier, int version) {
        return ruleSets.version(supplier.id, version).onItem().ifNull()
                .failWith(() -> ApiException.notFound("Rule version", supplier.code + "/" + version));
    }

    private Uni<Supplier> supplier(String code) {
        return suppliers.findByCode(code).onItem().ifNull().failWith(() -> ApiException.notFound("Supplier", code));
    }

    static ApiException mappingRuleError(List<RuleViolation> violations) {
        List<FieldError> errors = violations.stream().map(v -> new FieldError(v.field(), v.message())).toList();
        return new ApiException(ErrorCode.MAPPING_RULE_ERROR, "The mapping rules are invalid: " + errors.get(0).field()
                + " " + errors.get(0).message(), errors);
    }
}
