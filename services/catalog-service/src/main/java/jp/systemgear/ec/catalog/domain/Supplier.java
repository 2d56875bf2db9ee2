package jp.systemgear.ec.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.systemgear.ec.common.domain.TimestampedEntity;

/** A supplier (仕入先) that sends stock and unit-cost files. */
@Entity
@Table(name = "supplier")
public class Supplier extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean active = true;

    @Column(nullable = false)
    public int priority = 100;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;
}
