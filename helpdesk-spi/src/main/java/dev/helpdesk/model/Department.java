package dev.helpdesk.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A department outside the help desk (purchasing, facilities, a vendor's support) that tickets can
 * be handed off to and come back from (D-13, D-16).
 *
 * @param id the department's identifier
 * @param name its name
 * @param email where hand-off notifications go, empty when none
 */
public record Department(
    @NotNull DepartmentId id, @NotBlank @Size(max = 200) String name, @Email @Size(max = 254) String email) {
  // Rejects a missing id or name.
  public Department {
    Checks checks = Checks.on(Department.class);
    checks.notNull("id", id);
    name = checks.text("name", name, 200);
    email = CustomerDetails.normalizeEmail(checks.optionalText("email", email, 254));
    checks.done();
  }

  /**
   * Returns a department without an email address.
   *
   * @param id its identifier
   * @param name its name
   * @return the department
   */
  public static Department of(String id, String name) {
    return new Department(DepartmentId.of(id), name, "");
  }
}
