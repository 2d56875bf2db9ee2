package jp.systemgear.ec.catalog.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.domain.MissingItemsPolicy;
import jp.systemgear.ec.catalog.domain.Supplier;
import jp.systemgear.ec.catalog.repository.SupplierRepository;
import jp.systemgear.ec.catalog.rest.SupplierRequest;
import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.common.error.FieldError;

@ApplicationScoped
public class SupplierService {

    private final SupplierRepository suppliers;
    private final ObjectMapper json;
    private final Validator validator;
    private final HotCache cache;

    public SupplierService(SupplierRepository suppliers, ObjectMapper json, Validator validator, HotCache cache) {
        this.suppliers = suppliers;
        this.json = json;
        this.validator = validator;
        this.cache = cache;
    }

    @WithSession
    public Uni<List<Supplier>> list(Boolean active) {
        return suppliers.listOrdered(active);
    }

    @WithSession
    public Uni<Supplier> get(String code) {
        return find(code);
    }

    private Uni<Supplier> find(String code) {
        return suppliers.findByCode(code)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Supplier", code));
    }

    /** The unique constraint, not a prior read, decides duplicates: two concurrent creates cannot both win. */
    @WithTransaction
    public Uni<Supplier> create(SupplierRequest request) {
        Supplier supplier = new Supplier();
        supplier.code = request.code();
        apply(request, supplier);
        return suppliers.persistAndFlush(supplier);
    }

    /** PUT: the request replaces every field; absent settings go back to their defaults. */
    @WithTransaction
    public Uni<Supplier> replace(String code, SupplierRequest request, String ifMatch) {
        if (request.code() != null && !request.code().equals(code)) {
            throw ApiException.validation("code", "cannot change; it is '" + code + "'");
        }
        return find(code)
                .invoke(supplier -> {
                    checkVersion(supplier, ifMatch, request.version());
                    apply(request, supplier);
                })
                .call(supplier -> suppliers.flush())
                .call(supplier -> settingsChanged())
                .onFailure().transform(f -> Versions.lostRace(f, "Supplier " + code));
    }

    /** PATCH: a JSON merge patch (RFC 7396) of the supplier as GET shows it. */
    @WithTransaction
    public Uni<Supplier> patch(String code, String mergePatch, String ifMatch) {
        JsonNode patch = parse(mergePatch);
        return find(code)
                .invoke(supplier -> {
                    JsonNode version = patch.get("version");
                    checkVersion(supplier, ifMatch, version == null || version.isNull() ? null : version.asInt());
                    ObjectNode current = json.valueToTree(SupplierRequest.of(supplier));
                    SupplierRequest merged = toRequest(merge(current, patch));
                    if (!code.equals(merged.code())) {
                        throw ApiException.validation("code", "cannot change; it is '" + code + "'");
                    }
                    Set<ConstraintViolation<SupplierRequest>> violations = validator.validate(merged);
                    if (!violations.isEmpty()) {
                        throw new ConstraintViolationException(violations);
                    }
                    apply(merged, supplier);
                })
                .call(supplier -> suppliers.flush())
                .call(supplier -> settingsChanged())
                .onFailure().transform(f -> Versions.lostRace(f, "Supplier " + code));
    }

    /** Profiles feed compiled rules and the active flag feeds availability: both caches are stale now. */
    private Uni<Void> settingsChanged() {
        return cache.invalidate(HotCache.RULES).chain(() -> cache.invalidate(HotCache.AVAILABILITY));
    }

    private static void checkVersion(Supplier supplier, String ifMatch, Integer bodyVersion) {
        if (ifMatch == null && bodyVersion == null) {
            throw ApiException.validation("version", "send If-Match with the ETag you read, or the version");
        }
        Versions.check("Supplier " + supplier.code, supplier.version, jp.systemgear.ec.catalog.rest.EntityTags.ifMatch(ifMatch),
                bodyVersion);
    }

    private static void apply(SupplierRequest request, Supplier supplier) {
        SupplierSettings.Result settings = SupplierSettings.check(request.profile(), request.source(),
                request.scheduleCron(), request.guard());
        if (!settings.errors().isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The supplier settings are invalid", settings.errors());
        }
        supplier.name = request.name().strip();
        supplier.active = request.active() == null || request.active();
        supplier.priority = request.priority() == null ? 100 : request.priority();
        supplier.contactName = request.contactName();
        supplier.contactEmail = request.contactEmail();
        supplier.profile = settings.profile();
        supplier.source = settings.source();
        supplier.scheduleCron = settings.scheduleCron();
        supplier.guard = settings.guard();
        supplier.missingItemsPolicy = request.missingItemsPolicy() == null ? MissingItemsPolicy.KEEP
                : request.missingItemsPolicy();
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "A merge patch is a JSON object",
                        List.of(new FieldError("body", "must be a JSON object")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The request body is not valid JSON");
        }
    }

    private SupplierRequest toRequest(JsonNode node) {
        try {
            return json.treeToValue(node, SupplierRequest.class);
        } catch (JsonProcessingException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                            .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body")
                    : "body";
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The patched supplier does not match the expected structure",
                    List.of(new FieldError(field, "has the wrong type or format")));
        }
    }

    /** RFC 7396: objects merge member by member, null removes, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : new ObjectMapper().createObjectNode();
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        });
        return result;
    }
}
