package jp.systemgear.ec.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

class ProblemExceptionMappersTest {

    record Column(@NotBlank String header) {
    }

    record Template(@NotBlank String code, @Size(min = 1) List<@Valid Column> columns) {
    }

    static class Api {
        public void create(@Valid Template body) {
        }
    }

    @Test
    void fieldNamesDropTheMethodAndParameterPrefix() throws Exception {
        try (var factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            Set<ConstraintViolation<Api>> violations = validator.forExecutables().validateParameters(new Api(),
                    Api.class.getMethod("create", Template.class),
                    new Object[] { new Template(" ", List.of(new Column(""))) });
            List<FieldError> errors = ProblemExceptionMappers.fieldErrors(new ConstraintViolationException(violations));
            assertEquals(List.of("code", "columns[0].header"), errors.stream().map(FieldError::field).toList());
        }
    }
}
