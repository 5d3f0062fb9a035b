#pragma once
#include "model/Thing.h"
