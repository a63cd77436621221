/*
 * detectors.h -- constructors of the built-in detectors.
 */
#ifndef CG_DETECTORS_H
#define CG_DETECTORS_H

#include "config.h"
#include "detect.h"

cg_detector *cg_contact_detector_new(const cg_config *cfg, GError **error);
cg_detector *cg_confidential_detector_new(const cg_config *cfg, GError **error);
cg_detector *cg_media_detector_new(const cg_config *cfg, GError **error);

#endif
