package jp.systemgear.ec.export.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.common.error.FieldError;
import jp.systemgear.ec.export.domain.ChannelTemplate;
import jp.systemgear.ec.export.repository.ChannelTemplateRepository;

@ApplicationScoped
public class ChannelTemplateService {

    private final ChannelTemplateRepository templates;

    public ChannelTemplateService(ChannelTemplateRepository templates) {
        this.templates = templates;
    }

    @WithSession
    public Uni<List<ChannelTemplate>> list() {
        return templates.listAll(Sort.by("code"));
    }

    @WithSession
    public Uni<ChannelTemplate> get(String code) {
        return templates.findByCode(code)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Channel template", code));
    }

    /** Templates with a schedule, for the scheduler. */
    @WithSession
    public Uni<List<ChannelTemplate>> scheduled() {
        return templates.list("scheduleCron is not null", Sort.by("code"));
    }

    @WithTransaction
    public Uni<ChannelTemplate> create(ChannelTemplate template) {
        check(template);
        return templates.persistAndFlush(template);
    }

    /** Replaces everything but the code; exports and scheduled files use the new layout from now on. */
    @WithTransaction
    public Uni<ChannelTemplate> replace(String code, java.util.function.Consumer<ChannelTemplate> change) {
        return get(code).invoke(template -> {
            change.accept(template);
            check(template);
        }).call(templates::flush);
    }

    @WithTransaction
    public Uni<Void> delete(String code) {
        return get(code).call(templates::delete).replaceWithVoid();
    }

    /** A layout an export cannot write, or a cron the scheduler cannot read, is refused when saved. */
    private static void check(ChannelTemplate template) {
        List<FieldError> errors = new ArrayList<>(TemplateLayouts.validate(template.layout));
        if (template.scheduleCron != null) {
            ScheduledExports.cronProblem(template.scheduleCron)
                    .ifPresent(problem -> errors.add(new FieldError("scheduleCron", problem)));
        }
        if (!template.format.equals("csv") && !template.format.equals("tsv") && !template.encoding.equals("UTF-8")) {
            errors.add(new FieldError("encoding", "JSON and NDJSON are always UTF-8"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The channel template is invalid", errors);
        }
    }
}
