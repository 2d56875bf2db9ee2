package jp.systemgear.ec.auth.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import jp.systemgear.ec.common.domain.TimestampedEntity;

@Entity
@Table(name = "app_user")
public class AppUser extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "password_changed_at", nullable = false)
    public Instant passwordChangedAt;

    @PrePersist
    void stampPasswordChange() {
        passwordChangedAt = Instant.now();
    }
}
