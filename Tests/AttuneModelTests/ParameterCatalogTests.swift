import Testing

@testable import AttuneModel

/// The registry and the code written field by field beside it must agree:
/// a parameter added to ``ParameterCatalog`` but not merged or filled
/// fails here, named.
@Suite("The parameter registry")
struct ParameterCatalogTests {
    @Test("every caregiver parameter is merged over a lower layer, field by field")
    func merged() {
        for parameter in ParameterCatalog.caregiver {
            var lower = CaregiverSettings()
            lower[keyPath: parameter.setting] = parameter.minimum
            var upper = CaregiverSettings()
            upper[keyPath: parameter.setting] = parameter.maximum
            #expect(
                upper.resolved(over: lower)[keyPath: parameter.setting] == parameter.maximum, "\(parameter.key): add it to resolved(over:)")
            #expect(
                CaregiverSettings().resolved(over: lower)[keyPath: parameter.setting] == parameter.minimum,
                "\(parameter.key): add it to resolved(over:)")
        }
    }

    @Test("every caregiver parameter a layer names reaches the model; the rest come from the policy")
    func filled() {
        for parameter in ParameterCatalog.caregiver {
            for policy in Policy.allCases {
                var settings = CaregiverSettings(policy: policy)
                #expect(settings.parameters[keyPath: parameter.field] == parameter.defaultValue(for: policy))
                let named = parameter.defaultValue(for: policy) == parameter.maximum ? parameter.minimum : parameter.maximum
                settings[keyPath: parameter.setting] = named
                #expect(settings.parameters[keyPath: parameter.field] == named, "\(parameter.key): add it to CaregiverSettings.parameters")
            }
        }
    }

    @Test("every default lies in its range")
    func defaultsInRange() {
        for parameter in ParameterCatalog.infant {
            #expect(parameter.range.contains(parameter.defaultValue), "infant.\(parameter.key)")
        }
        for parameter in ParameterCatalog.caregiver {
            for policy in Policy.allCases {
                #expect(parameter.range.contains(parameter.defaultValue(for: policy)), "\(policy.word) \(parameter.key)")
            }
        }
        #expect(ParameterCatalog.step.range.contains(ParameterCatalog.step.defaultValue))
    }

    @Test("keys are unique and written as files write them")
    func keys() {
        let keys = ParameterCatalog.infant.map(\.key) + ParameterCatalog.caregiver.map(\.key) + ["policy"]
        #expect(Set(keys).count == keys.count)
        for key in keys { #expect(key.allSatisfy { $0.isLowercase || $0 == "_" }, "\(key)") }
    }
}
