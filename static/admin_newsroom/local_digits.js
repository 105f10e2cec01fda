/*
 * Numbers the admin's own scripts write ("2 of 10 selected", built by actions.js with Django's
 * interpolate()) in the admin language's digits, as the page around them: «۲ از ۱۰ انتخاب شده‌اند».
 * Loaded after Django's JavaScript catalogue only where the language has digits of its own; they come
 * from the registry through data-digits. Only numbers are changed, never text passed in.
 */
"use strict";
{
    const digits = document.currentScript.dataset.digits;
    // The catalogue's global: window.django may since have been replaced (modeltranslation's force_jquery.js).
    const original = window.interpolate;
    if (digits && digits.length === 10 && original && !original.localisesDigits) {
        const local = (value) => (typeof value === "number" ? String(value).replace(/[0-9]/g, (d) => digits[d]) : value);
        const interpolate = function (format, values, named) {
            const localised = named
                ? Object.fromEntries(Object.entries(values).map(([key, value]) => [key, local(value)]))
                : Array.from(values, local);
            return original(format, localised, named);
        };
        interpolate.localisesDigits = true;
        window.interpolate = interpolate;
        if (window.django) {
            window.django.interpolate = interpolate;
        }
    }
}
